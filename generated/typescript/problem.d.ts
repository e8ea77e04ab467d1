// Generated from catalog.yaml by error-catalog. Do not edit: change catalog.yaml and run the generator.

/** A locale of the catalog. The default is "en". */
export type Locale = "en" | "fr";

/** Locales of the catalog; the first is the default. */
export declare const locales: readonly Locale[];

/** The locale of texts when none is asked for. */
export declare const defaultLocale: Locale;

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
export declare class ProblemError<P extends ProblemBase = ProblemBase> extends Error {
    /** The problem details object. */
    readonly problem: P;
    /** HTTP status of the response. */
    readonly status: number;
    /** Media type of the response body. */
    readonly contentType: string;
    /** Locale the problem was rendered in (the `locale` given to its factory, passed on here). */
    readonly locale: Locale;
    /** The headers a response with this problem needs: `Content-Type` and `Content-Language`. */
    readonly headers: { readonly "Content-Type": string; readonly "Content-Language": Locale };
    constructor(problem: P, options?: { readonly cause?: unknown; readonly locale?: Locale });
    /** The problem+json body. */
    toJSON(): P;
}

/**
 * Whether `value` is an object whose `type` is `type`.
 * @internal
 */
export declare function hasType(value: unknown, type: string): boolean;

/**
 * The same text in every locale.
 * @internal
 */
export declare function inEveryLocale(text: string): LocalizedText;

/**
 * How a member value appears in a rendered detail: strings as they are, anything else as JSON.
 * @internal
 */
export declare function formatMember(value: unknown): string;

/**
 * The catalog locale to answer a request in, from its `Accept-Language` header: by quality, an exact tag first, then the same language (`fr-CA` → `fr`); the default locale when nothing matches.
 * @example negotiateLocale(request.headers["accept-language"])
 */
export declare function negotiateLocale(acceptLanguage: string | null | undefined): Locale;

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
export declare function conforms(value: any, shape: ProblemShape | undefined): boolean;
