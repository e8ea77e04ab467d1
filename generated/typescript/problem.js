// Generated from catalog.yaml by error-catalog. Do not edit: change catalog.yaml and run the generator.

export const locales = ["en", "fr"];

export const defaultLocale = "en";

/** An Error carrying a problem, for servers to throw and error handlers to send as `application/problem+json`. */
export class ProblemError extends Error {
    contentType = "application/problem+json";

    constructor(problem, options) {
        super(problem.detail ?? problem.title, options);
        this.name = "ProblemError";
        this.problem = problem;
        this.status = problem.status;
    }

    /** The problem+json body. */
    toJSON() {
        return this.problem;
    }
}

export function hasType(value, type) {
    return typeof value === "object" && value !== null && "type" in value && value.type === type;
}

export function inEveryLocale(text) {
    return { "en": text, "fr": text };
}

export function formatMember(value) {
    return typeof value === "string" ? value : String(JSON.stringify(value));
}
