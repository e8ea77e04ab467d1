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
        this.locale = options?.locale ?? defaultLocale;
        this.headers = { "Content-Type": this.contentType, "Content-Language": this.locale };
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

export function negotiateLocale(acceptLanguage) {
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

export function conforms(value, shape) {
    if (shape === undefined) return false;
    const own = (o, key) => Object.prototype.hasOwnProperty.call(o, key);
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    const isType = (v, t) => t === "integer" ? Number.isInteger(v) : t === "number" ? typeof v === "number" && Number.isFinite(v) : t === "null" ? v === null : t === "array" ? Array.isArray(v) : t === "object" ? typeof v === "object" && v !== null && !Array.isArray(v) : typeof v === t;
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
