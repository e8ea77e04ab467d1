// Generated from catalog.yaml by error-catalog. Do not edit: change catalog.yaml and run the generator.
/** Locales of the catalog; the first is the default. */
export const locales = ["en", "fr"];
/** The locale of texts when none is asked for. */
export const defaultLocale = "en";
/** An Error carrying a problem, for servers to throw and error handlers to send as `application/problem+json`. */
export class ProblemError extends Error {
    /** The problem details object. */
    problem;
    /** HTTP status of the response. */
    status;
    /** Media type of the response body. */
    contentType = "application/problem+json";
    constructor(problem, options) {
        super(problem.detail ?? problem.title, options);
        this.name = 'ProblemError';
        this.problem = problem;
        this.status = problem.status;
    }
    /** The problem+json body. */
    toJSON() {
        return this.problem;
    }
}
/**
 * Whether `value` is an object whose `type` is `type`.
 * @internal
 */
export function hasType(value, type) {
    return typeof value === 'object' && value !== null && value.type === type;
}
/**
 * How a member value appears in a rendered detail: strings as they are, anything else as JSON.
 * @internal
 */
export function formatMember(value) {
    return typeof value === 'string' ? value : String(JSON.stringify(value));
}
