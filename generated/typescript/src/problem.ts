// Generated from catalog.yaml by error-catalog. Do not edit: change catalog.yaml and run the generator.

/** A locale of the catalog. The default is "en". */
export type Locale = "en" | "fr";

/** Locales of the catalog; the first is the default. */
export const locales: readonly Locale[] = ["en", "fr"];

/** The locale of texts when none is asked for. */
export const defaultLocale: Locale = "en";

/** A text in every locale of the catalog. */
export type LocalizedText = { readonly [L in Locale]: string };

/** The members every problem details object has (RFC 9457, section 3.1). */
export interface ProblemBase {
    /** URI reference that identifies the problem type. */
    type: string;
    /** HTTP status code of this occurrence. */
    status: number;
    /** Short, human-readable summary of the problem type. */
    title: string;
    /** Human-readable explanation specific to this occurrence. */
    detail?: string;
    /** URI reference that identifies this occurrence. */
    instance?: string;
}

/** Options of every problem factory. */
export interface ProblemOptions {
    /** URI reference of this occurrence, e.g. a trace id. */
    readonly instance?: string;
    /** Replaces the detail rendered from the catalog's template. */
    readonly detail?: string;
    /** Locale of the title and detail (default: the default locale). */
    readonly locale?: Locale;
}

/** What the catalog says about a problem type. */
export interface ProblemMetadata {
    /** Id of its group. */
    readonly group: string;
    /** Its code, unique in its group. */
    readonly code: string;
    /** Its type URI. */
    readonly type: string;
    /** Its HTTP status. */
    readonly status: number;
    readonly title: LocalizedText;
    readonly description?: LocalizedText;
    readonly resolution?: LocalizedText;
    /** Where the problem type is documented. */
    readonly docsUrl: string;
    /** Present when the problem type is deprecated: what to use instead. */
    readonly deprecated?: LocalizedText;
}

/** An Error carrying a problem, for servers to throw and error handlers to send as `application/problem+json`. */
export class ProblemError<P extends ProblemBase = ProblemBase> extends Error {
    /** The problem details object. */
    readonly problem: P;
    /** HTTP status of the response. */
    readonly status: number;
    /** Media type of the response body. */
    readonly contentType: string = "application/problem+json";
    /** Locale the problem was rendered in (the `locale` given to its factory, passed on here). */
    readonly locale: Locale;
    /** The headers a response with this problem needs: `Content-Type` and `Content-Language`. */
    readonly headers: { readonly "Content-Type": string; readonly "Content-Language": Locale };

    constructor(problem: P, options?: { readonly cause?: unknown; readonly locale?: Locale }) {
        super(problem.detail ?? problem.title, options);
        this.name = "ProblemError";
        this.problem = problem;
        this.status = problem.status;
        this.locale = options?.locale ?? defaultLocale;
        this.headers = { "Content-Type": this.contentType, "Content-Language": this.locale };
    }

    /** The problem+json body. */
    toJSON(): P {
        return this.problem;
    }
}

/**
 * Whether `value` is an object whose `type` is `type`.
 * @internal
 */
export function hasType(value: unknown, type: string): boolean {
    return typeof value === "object" && value !== null && "type" in value && value.type === type;
}

/**
 * The same text in every locale.
 * @internal
 */
export function inEveryLocale(text: string): LocalizedText {
    return { "en": text, "fr": text };
}

/**
 * How a member value appears in a rendered detail: strings as they are, anything else as JSON.
 * @internal
 */
export function formatMember(value: unknown): string {
    return typeof value === "string" ? value : String(JSON.stringify(value));
}

/**
 * The catalog locale to answer a request in, from its `Accept-Language` header: by quality, an exact tag first, then the same language (`fr-CA` → `fr`); the default locale when nothing matches.
 * @example negotiateLocale(request.headers["accept-language"])
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
    const wanted = String(acceptLanguage ?? "").split(",").map((part, index) => {
        const [tag, ...params] = part.trim().split(";");
        const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
        return { tag: (tag ?? "").trim().toLowerCase(), q: q === undefined ? 1 : Number(q.slice(2)), index };
    }).filter((w) => w.tag !== "" && w.q > 0).sort((a, b) => b.q - a.q || a.index - b.index);
    for (const { tag } of wanted) {
        if (tag === "*") return defaultLocale;
        const exact = locales.find((l) => l.toLowerCase() === tag);
        if (exact !== undefined) return exact;
        const language = tag.split("-")[0];
        const near = locales.find((l) => l.toLowerCase() === language) ?? locales.find((l) => l.toLowerCase().split("-")[0] === language);
        if (near !== undefined) return near;
    }
    return defaultLocale;
}

/**
 * What a validating check verifies of a value: derived from the JSON Schemas (types, required members, enums and constants, bounds, items, closed objects, any-of branches; formats and patterns are left to the schemas).
 * @internal
 */
export interface ProblemShape {
    readonly types?: readonly string[];
    readonly const?: unknown;
    readonly enum?: readonly unknown[];
    readonly required?: readonly string[];
    readonly properties?: { readonly [name: string]: ProblemShape };
    readonly closed?: boolean;
    readonly items?: ProblemShape;
    readonly anyOf?: readonly ProblemShape[];
    readonly minimum?: number;
    readonly maximum?: number;
    readonly exclusiveMinimum?: number;
    readonly exclusiveMaximum?: number;
    readonly minLength?: number;
    readonly maxLength?: number;
    readonly minItems?: number;
    readonly maxItems?: number;
}

/**
 * Whether `value` has the shape (see ProblemShape); no dependency, no regular expression.
 * @internal
 */
export function conforms(value: any, shape: ProblemShape | undefined): boolean {
    if (shape === undefined) return false;
    const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const isType = (v: unknown, t: string) => t === "integer" ? Number.isInteger(v) : t === "number" ? typeof v === "number" && Number.isFinite(v) : t === "null" ? v === null : t === "array" ? Array.isArray(v) : t === "object" ? typeof v === "object" && v !== null && !Array.isArray(v) : typeof v === t;
    if (shape.const !== undefined && !same(value, shape.const)) return false;
    if (shape.enum !== undefined && !shape.enum.some((v) => same(v, value))) return false;
    if (shape.types !== undefined && !shape.types.some((t) => isType(value, t))) return false;
    if (shape.anyOf !== undefined && !shape.anyOf.some((s) => conforms(value, s))) return false;
    if (typeof value === "number") {
        if ((shape.minimum !== undefined && value < shape.minimum) || (shape.maximum !== undefined && value > shape.maximum)) return false;
        if ((shape.exclusiveMinimum !== undefined && value <= shape.exclusiveMinimum) || (shape.exclusiveMaximum !== undefined && value >= shape.exclusiveMaximum)) return false;
    }
    if (typeof value === "string") {
        const length = [...value].length;
        if ((shape.minLength !== undefined && length < shape.minLength) || (shape.maxLength !== undefined && length > shape.maxLength)) return false;
    }
    if (Array.isArray(value)) {
        if ((shape.minItems !== undefined && value.length < shape.minItems) || (shape.maxItems !== undefined && value.length > shape.maxItems)) return false;
        const items = shape.items;
        if (items !== undefined && !value.every((v) => conforms(v, items))) return false;
    } else if (typeof value === "object" && value !== null) {
        for (const key of shape.required ?? []) if (!own(value, key)) return false;
        const properties = shape.properties ?? {};
        for (const key of Object.keys(value)) {
            const property = properties[key];
            if (property !== undefined && own(properties, key)) { if (!conforms(value[key], property)) return false; }
            else if (shape.closed === true) return false;
        }
    }
    return true;
}
