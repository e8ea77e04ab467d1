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

    constructor(problem: P, options?: { readonly cause?: unknown }) {
        super(problem.detail ?? problem.title, options);
        this.name = "ProblemError";
        this.problem = problem;
        this.status = problem.status;
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
