// Generated from catalog.yaml by error-catalog. Do not edit: change catalog.yaml and run the generator.

import * as rt from "../problem.js";

/** Codes of the WhatsApp Provisioning problems. */
export enum WhatsAppProvisioningError {
    /** Number already in use (HTTP 409); see {@link WhatsAppProvisioningNumberInUseProblem}. */
    NumberInUse = "number-in-use",
    /** Invalid JSON (HTTP 400); see {@link WhatsAppProvisioningInvalidJsonProblem}. */
    InvalidJson = "invalid-json",
    /** Invalid parameters (HTTP 422); see {@link WhatsAppProvisioningUnprocessableProblem}. */
    Unprocessable = "unprocessable",
    /** Invalid profile update (HTTP 422); see {@link WhatsAppProvisioningUnprocessableProfileUpdateProblem}. */
    UnprocessableProfileUpdate = "unprocessable-profile-update",
    /** Too many requests (HTTP 429); see {@link WhatsAppProvisioningThrottledProblem}. */
    Throttled = "throttled",
    /** Verification failed (HTTP 422); see {@link WhatsAppProvisioningVerificationFailedProblem}. */
    VerificationFailed = "verification-failed",
    /** Deployment in a transitional state (HTTP 409); see {@link WhatsAppProvisioningConflictDeploymentStateProblem}. */
    ConflictDeploymentState = "conflict-deployment-state",
    /** OTP cannot be resent (HTTP 409); see {@link WhatsAppProvisioningConflictResendOtpProblem}. */
    ConflictResendOtp = "conflict-resend-otp",
}

/** A code of the WhatsApp Provisioning group. */
export type WhatsAppProvisioningCode = `${WhatsAppProvisioningError}`;

/**
 * Number already in use (HTTP 409, `whatsapp-provisioning/number-in-use`)
 *
 * Cannot use number because it's already in use by another deployment.
 *
 * Resolution: Use the existing deployment.
 * @see https://developer.vonage.com/api-errors/whatsapp-provisioning#number-in-use
 */
export interface WhatsAppProvisioningNumberInUseProblem {
    type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#number-in-use";
    status: 409;
    title: string;
    detail?: string;
    instance?: string;
}

/**
 * Invalid JSON (HTTP 400, `whatsapp-provisioning/invalid-json`)
 *
 * The request body did not contain valid JSON
 *
 * Resolution: Send a JSON request body, including a Content-Type header of application/json
 * @see https://developer.vonage.com/api-errors/whatsapp-provisioning#invalid-json
 */
export interface WhatsAppProvisioningInvalidJsonProblem {
    type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#invalid-json";
    status: 400;
    title: string;
    detail?: string;
    instance?: string;
}

/**
 * Invalid parameters (HTTP 422, `whatsapp-provisioning/unprocessable`)
 *
 * Parameters were valid JSON but something was missing or wrongly formatted
 *
 * Resolution: Fix the incorrect request parameters and try again
 * @see https://developer.vonage.com/api-errors/whatsapp-provisioning#unprocessable
 */
export interface WhatsAppProvisioningUnprocessableProblem {
    type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#unprocessable";
    status: 422;
    title: string;
    detail?: string;
    instance?: string;
}

/**
 * Invalid profile update (HTTP 422, `whatsapp-provisioning/unprocessable-profile-update`)
 *
 * Parameters were valid JSON but something was missing or wrongly formatted
 *
 * Resolution: Fix the incorrect request parameters and try again
 * @see https://developer.vonage.com/api-errors/whatsapp-provisioning#unprocessable-profile-update
 */
export interface WhatsAppProvisioningUnprocessableProfileUpdateProblem {
    type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#unprocessable-profile-update";
    status: 422;
    title: string;
    detail?: string;
    instance?: string;
}

/**
 * Too many requests (HTTP 429, `whatsapp-provisioning/throttled`)
 *
 * Too many requests have been made on this endpoint
 *
 * Resolution: Wait a moment and try again
 * @see https://developer.vonage.com/api-errors/whatsapp-provisioning#throttled
 */
export interface WhatsAppProvisioningThrottledProblem {
    type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#throttled";
    status: 429;
    title: string;
    detail?: string;
    instance?: string;
}

/**
 * Verification failed (HTTP 422, `whatsapp-provisioning/verification-failed`)
 *
 * Verification step failed. Either because the provided code was incorrect or because too many attempts have been made
 *
 * Resolution: Try again with the correct OTP, or call resend-otp
 * @see https://developer.vonage.com/api-errors/whatsapp-provisioning#verification-failed
 */
export interface WhatsAppProvisioningVerificationFailedProblem {
    type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#verification-failed";
    status: 422;
    title: string;
    detail?: string;
    instance?: string;
}

/**
 * Deployment in a transitional state (HTTP 409, `whatsapp-provisioning/conflict-deployment-state`)
 *
 * Deployment could not be modified because it is currently in a transitional state.
 *
 * Resolution: If the deployment is transitioning into the state you want it in no action is required. If the state is DELETING, no action is required as the deployment will be deleted. Otherwise, wait for the transition to complete and try again.
 * @see https://developer.vonage.com/api-errors/whatsapp-provisioning#conflict-deployment-state
 */
export interface WhatsAppProvisioningConflictDeploymentStateProblem {
    type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#conflict-deployment-state";
    status: 409;
    title: string;
    detail?: string;
    instance?: string;
}

/**
 * OTP cannot be resent (HTTP 409, `whatsapp-provisioning/conflict-resend-otp`)
 *
 * Could not resend OTP because the current state of the deployment did not allow it
 *
 * Resolution: The deployment has either already finished, or is in an error state (in which case you should delete it and run it again).
 * @see https://developer.vonage.com/api-errors/whatsapp-provisioning#conflict-resend-otp
 */
export interface WhatsAppProvisioningConflictResendOtpProblem {
    type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#conflict-resend-otp";
    status: 409;
    title: string;
    detail?: string;
    instance?: string;
}

/** Any problem of the WhatsApp Provisioning group. */
export type WhatsAppProvisioningProblem = WhatsAppProvisioningNumberInUseProblem | WhatsAppProvisioningInvalidJsonProblem | WhatsAppProvisioningUnprocessableProblem | WhatsAppProvisioningUnprocessableProfileUpdateProblem | WhatsAppProvisioningThrottledProblem | WhatsAppProvisioningVerificationFailedProblem | WhatsAppProvisioningConflictDeploymentStateProblem | WhatsAppProvisioningConflictResendOtpProblem;

/** What the catalog says about each WhatsApp Provisioning problem, by code. */
export const WhatsAppProvisioningMetadata: { readonly [C in WhatsAppProvisioningCode]: rt.ProblemMetadata } = {
    "number-in-use": {
        group: "whatsapp-provisioning",
        code: "number-in-use",
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#number-in-use",
        status: 409,
        title: { "en": "Number already in use", "fr": "Numéro déjà utilisé" },
        description: rt.inEveryLocale("Cannot use number because it's already in use by another deployment."),
        resolution: rt.inEveryLocale("Use the existing deployment."),
        docsUrl: "https://developer.vonage.com/api-errors/whatsapp-provisioning#number-in-use",
    },
    "invalid-json": {
        group: "whatsapp-provisioning",
        code: "invalid-json",
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#invalid-json",
        status: 400,
        title: { "en": "Invalid JSON", "fr": "JSON non valide" },
        description: rt.inEveryLocale("The request body did not contain valid JSON"),
        resolution: rt.inEveryLocale("Send a JSON request body, including a Content-Type header of application/json"),
        docsUrl: "https://developer.vonage.com/api-errors/whatsapp-provisioning#invalid-json",
    },
    "unprocessable": {
        group: "whatsapp-provisioning",
        code: "unprocessable",
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#unprocessable",
        status: 422,
        title: { "en": "Invalid parameters", "fr": "Paramètres non valides" },
        description: rt.inEveryLocale("Parameters were valid JSON but something was missing or wrongly formatted"),
        resolution: rt.inEveryLocale("Fix the incorrect request parameters and try again"),
        docsUrl: "https://developer.vonage.com/api-errors/whatsapp-provisioning#unprocessable",
    },
    "unprocessable-profile-update": {
        group: "whatsapp-provisioning",
        code: "unprocessable-profile-update",
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#unprocessable-profile-update",
        status: 422,
        title: { "en": "Invalid profile update", "fr": "Mise à jour du profil non valide" },
        description: rt.inEveryLocale("Parameters were valid JSON but something was missing or wrongly formatted"),
        resolution: rt.inEveryLocale("Fix the incorrect request parameters and try again"),
        docsUrl: "https://developer.vonage.com/api-errors/whatsapp-provisioning#unprocessable-profile-update",
    },
    "throttled": {
        group: "whatsapp-provisioning",
        code: "throttled",
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#throttled",
        status: 429,
        title: { "en": "Too many requests", "fr": "Trop de requêtes" },
        description: rt.inEveryLocale("Too many requests have been made on this endpoint"),
        resolution: rt.inEveryLocale("Wait a moment and try again"),
        docsUrl: "https://developer.vonage.com/api-errors/whatsapp-provisioning#throttled",
    },
    "verification-failed": {
        group: "whatsapp-provisioning",
        code: "verification-failed",
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#verification-failed",
        status: 422,
        title: { "en": "Verification failed", "fr": "Échec de la vérification" },
        description: rt.inEveryLocale("Verification step failed. Either because the provided code was incorrect or because too many attempts have been made"),
        resolution: rt.inEveryLocale("Try again with the correct OTP, or call resend-otp"),
        docsUrl: "https://developer.vonage.com/api-errors/whatsapp-provisioning#verification-failed",
    },
    "conflict-deployment-state": {
        group: "whatsapp-provisioning",
        code: "conflict-deployment-state",
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#conflict-deployment-state",
        status: 409,
        title: { "en": "Deployment in a transitional state", "fr": "Déploiement en cours de transition" },
        description: rt.inEveryLocale("Deployment could not be modified because it is currently in a transitional state."),
        resolution: rt.inEveryLocale("If the deployment is transitioning into the state you want it in no action is required. If the state is DELETING, no action is required as the deployment will be deleted. Otherwise, wait for the transition to complete and try again."),
        docsUrl: "https://developer.vonage.com/api-errors/whatsapp-provisioning#conflict-deployment-state",
    },
    "conflict-resend-otp": {
        group: "whatsapp-provisioning",
        code: "conflict-resend-otp",
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#conflict-resend-otp",
        status: 409,
        title: { "en": "OTP cannot be resent", "fr": "Impossible de renvoyer l'OTP" },
        description: rt.inEveryLocale("Could not resend OTP because the current state of the deployment did not allow it"),
        resolution: rt.inEveryLocale("The deployment has either already finished, or is in an error state (in which case you should delete it and run it again)."),
        docsUrl: "https://developer.vonage.com/api-errors/whatsapp-provisioning#conflict-resend-otp",
    },
};

const shapes: { readonly [code: string]: rt.ProblemShape } = JSON.parse("{\"number-in-use\":{\"types\":[\"object\"],\"required\":[\"type\",\"status\",\"title\"],\"properties\":{\"type\":{\"const\":\"https://developer.vonage.com/api-errors/whatsapp-provisioning#number-in-use\"},\"status\":{\"const\":409},\"title\":{\"types\":[\"string\"]},\"detail\":{\"types\":[\"string\"]},\"instance\":{\"types\":[\"string\"]}}},\"invalid-json\":{\"types\":[\"object\"],\"required\":[\"type\",\"status\",\"title\"],\"properties\":{\"type\":{\"const\":\"https://developer.vonage.com/api-errors/whatsapp-provisioning#invalid-json\"},\"status\":{\"const\":400},\"title\":{\"types\":[\"string\"]},\"detail\":{\"types\":[\"string\"]},\"instance\":{\"types\":[\"string\"]}}},\"unprocessable\":{\"types\":[\"object\"],\"required\":[\"type\",\"status\",\"title\"],\"properties\":{\"type\":{\"const\":\"https://developer.vonage.com/api-errors/whatsapp-provisioning#unprocessable\"},\"status\":{\"const\":422},\"title\":{\"types\":[\"string\"]},\"detail\":{\"types\":[\"string\"]},\"instance\":{\"types\":[\"string\"]}}},\"unprocessable-profile-update\":{\"types\":[\"object\"],\"required\":[\"type\",\"status\",\"title\"],\"properties\":{\"type\":{\"const\":\"https://developer.vonage.com/api-errors/whatsapp-provisioning#unprocessable-profile-update\"},\"status\":{\"const\":422},\"title\":{\"types\":[\"string\"]},\"detail\":{\"types\":[\"string\"]},\"instance\":{\"types\":[\"string\"]}}},\"throttled\":{\"types\":[\"object\"],\"required\":[\"type\",\"status\",\"title\"],\"properties\":{\"type\":{\"const\":\"https://developer.vonage.com/api-errors/whatsapp-provisioning#throttled\"},\"status\":{\"const\":429},\"title\":{\"types\":[\"string\"]},\"detail\":{\"types\":[\"string\"]},\"instance\":{\"types\":[\"string\"]}}},\"verification-failed\":{\"types\":[\"object\"],\"required\":[\"type\",\"status\",\"title\"],\"properties\":{\"type\":{\"const\":\"https://developer.vonage.com/api-errors/whatsapp-provisioning#verification-failed\"},\"status\":{\"const\":422},\"title\":{\"types\":[\"string\"]},\"detail\":{\"types\":[\"string\"]},\"instance\":{\"types\":[\"string\"]}}},\"conflict-deployment-state\":{\"types\":[\"object\"],\"required\":[\"type\",\"status\",\"title\"],\"properties\":{\"type\":{\"const\":\"https://developer.vonage.com/api-errors/whatsapp-provisioning#conflict-deployment-state\"},\"status\":{\"const\":409},\"title\":{\"types\":[\"string\"]},\"detail\":{\"types\":[\"string\"]},\"instance\":{\"types\":[\"string\"]}}},\"conflict-resend-otp\":{\"types\":[\"object\"],\"required\":[\"type\",\"status\",\"title\"],\"properties\":{\"type\":{\"const\":\"https://developer.vonage.com/api-errors/whatsapp-provisioning#conflict-resend-otp\"},\"status\":{\"const\":409},\"title\":{\"types\":[\"string\"]},\"detail\":{\"types\":[\"string\"]},\"instance\":{\"types\":[\"string\"]}}}}");

const typesOfGroup: ReadonlySet<string> = new Set(Object.values(WhatsAppProvisioningMetadata).map((p) => p.type));

/** Creates a {@link WhatsAppProvisioningNumberInUseProblem} (`whatsapp-provisioning/number-in-use`). */
export function createWhatsAppProvisioningNumberInUse(options: rt.ProblemOptions = {}): WhatsAppProvisioningNumberInUseProblem {
    const locale = options.locale ?? rt.defaultLocale;
    return {
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#number-in-use",
        status: 409,
        title: WhatsAppProvisioningMetadata["number-in-use"].title[locale],
        ...(options.detail !== undefined ? { detail: options.detail } : {}),
        ...(options.instance !== undefined ? { instance: options.instance } : {}),
    };
}

/** Whether `value` is a {@link WhatsAppProvisioningNumberInUseProblem}, judged by its `type` alone (cheap; see {@link isValidWhatsAppProvisioningNumberInUseProblem} to check its members too). */
export function isWhatsAppProvisioningNumberInUseProblem(value: unknown): value is WhatsAppProvisioningNumberInUseProblem {
    return rt.hasType(value, "https://developer.vonage.com/api-errors/whatsapp-provisioning#number-in-use");
}

/** Whether `value` is a valid {@link WhatsAppProvisioningNumberInUseProblem}: its `type` and `status`, a string `title`, and every member as the catalog's schema says (required members present, types, enums, bounds; formats and patterns are left to the JSON Schemas). */
export function isValidWhatsAppProvisioningNumberInUseProblem(value: unknown): value is WhatsAppProvisioningNumberInUseProblem {
    return rt.conforms(value, shapes["number-in-use"]);
}

/** Creates a {@link WhatsAppProvisioningInvalidJsonProblem} (`whatsapp-provisioning/invalid-json`). */
export function createWhatsAppProvisioningInvalidJson(options: rt.ProblemOptions = {}): WhatsAppProvisioningInvalidJsonProblem {
    const locale = options.locale ?? rt.defaultLocale;
    return {
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#invalid-json",
        status: 400,
        title: WhatsAppProvisioningMetadata["invalid-json"].title[locale],
        ...(options.detail !== undefined ? { detail: options.detail } : {}),
        ...(options.instance !== undefined ? { instance: options.instance } : {}),
    };
}

/** Whether `value` is a {@link WhatsAppProvisioningInvalidJsonProblem}, judged by its `type` alone (cheap; see {@link isValidWhatsAppProvisioningInvalidJsonProblem} to check its members too). */
export function isWhatsAppProvisioningInvalidJsonProblem(value: unknown): value is WhatsAppProvisioningInvalidJsonProblem {
    return rt.hasType(value, "https://developer.vonage.com/api-errors/whatsapp-provisioning#invalid-json");
}

/** Whether `value` is a valid {@link WhatsAppProvisioningInvalidJsonProblem}: its `type` and `status`, a string `title`, and every member as the catalog's schema says (required members present, types, enums, bounds; formats and patterns are left to the JSON Schemas). */
export function isValidWhatsAppProvisioningInvalidJsonProblem(value: unknown): value is WhatsAppProvisioningInvalidJsonProblem {
    return rt.conforms(value, shapes["invalid-json"]);
}

/** Creates a {@link WhatsAppProvisioningUnprocessableProblem} (`whatsapp-provisioning/unprocessable`). */
export function createWhatsAppProvisioningUnprocessable(options: rt.ProblemOptions = {}): WhatsAppProvisioningUnprocessableProblem {
    const locale = options.locale ?? rt.defaultLocale;
    return {
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#unprocessable",
        status: 422,
        title: WhatsAppProvisioningMetadata["unprocessable"].title[locale],
        ...(options.detail !== undefined ? { detail: options.detail } : {}),
        ...(options.instance !== undefined ? { instance: options.instance } : {}),
    };
}

/** Whether `value` is a {@link WhatsAppProvisioningUnprocessableProblem}, judged by its `type` alone (cheap; see {@link isValidWhatsAppProvisioningUnprocessableProblem} to check its members too). */
export function isWhatsAppProvisioningUnprocessableProblem(value: unknown): value is WhatsAppProvisioningUnprocessableProblem {
    return rt.hasType(value, "https://developer.vonage.com/api-errors/whatsapp-provisioning#unprocessable");
}

/** Whether `value` is a valid {@link WhatsAppProvisioningUnprocessableProblem}: its `type` and `status`, a string `title`, and every member as the catalog's schema says (required members present, types, enums, bounds; formats and patterns are left to the JSON Schemas). */
export function isValidWhatsAppProvisioningUnprocessableProblem(value: unknown): value is WhatsAppProvisioningUnprocessableProblem {
    return rt.conforms(value, shapes["unprocessable"]);
}

/** Creates a {@link WhatsAppProvisioningUnprocessableProfileUpdateProblem} (`whatsapp-provisioning/unprocessable-profile-update`). */
export function createWhatsAppProvisioningUnprocessableProfileUpdate(options: rt.ProblemOptions = {}): WhatsAppProvisioningUnprocessableProfileUpdateProblem {
    const locale = options.locale ?? rt.defaultLocale;
    return {
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#unprocessable-profile-update",
        status: 422,
        title: WhatsAppProvisioningMetadata["unprocessable-profile-update"].title[locale],
        ...(options.detail !== undefined ? { detail: options.detail } : {}),
        ...(options.instance !== undefined ? { instance: options.instance } : {}),
    };
}

/** Whether `value` is a {@link WhatsAppProvisioningUnprocessableProfileUpdateProblem}, judged by its `type` alone (cheap; see {@link isValidWhatsAppProvisioningUnprocessableProfileUpdateProblem} to check its members too). */
export function isWhatsAppProvisioningUnprocessableProfileUpdateProblem(value: unknown): value is WhatsAppProvisioningUnprocessableProfileUpdateProblem {
    return rt.hasType(value, "https://developer.vonage.com/api-errors/whatsapp-provisioning#unprocessable-profile-update");
}

/** Whether `value` is a valid {@link WhatsAppProvisioningUnprocessableProfileUpdateProblem}: its `type` and `status`, a string `title`, and every member as the catalog's schema says (required members present, types, enums, bounds; formats and patterns are left to the JSON Schemas). */
export function isValidWhatsAppProvisioningUnprocessableProfileUpdateProblem(value: unknown): value is WhatsAppProvisioningUnprocessableProfileUpdateProblem {
    return rt.conforms(value, shapes["unprocessable-profile-update"]);
}

/** Creates a {@link WhatsAppProvisioningThrottledProblem} (`whatsapp-provisioning/throttled`). */
export function createWhatsAppProvisioningThrottled(options: rt.ProblemOptions = {}): WhatsAppProvisioningThrottledProblem {
    const locale = options.locale ?? rt.defaultLocale;
    return {
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#throttled",
        status: 429,
        title: WhatsAppProvisioningMetadata["throttled"].title[locale],
        ...(options.detail !== undefined ? { detail: options.detail } : {}),
        ...(options.instance !== undefined ? { instance: options.instance } : {}),
    };
}

/** Whether `value` is a {@link WhatsAppProvisioningThrottledProblem}, judged by its `type` alone (cheap; see {@link isValidWhatsAppProvisioningThrottledProblem} to check its members too). */
export function isWhatsAppProvisioningThrottledProblem(value: unknown): value is WhatsAppProvisioningThrottledProblem {
    return rt.hasType(value, "https://developer.vonage.com/api-errors/whatsapp-provisioning#throttled");
}

/** Whether `value` is a valid {@link WhatsAppProvisioningThrottledProblem}: its `type` and `status`, a string `title`, and every member as the catalog's schema says (required members present, types, enums, bounds; formats and patterns are left to the JSON Schemas). */
export function isValidWhatsAppProvisioningThrottledProblem(value: unknown): value is WhatsAppProvisioningThrottledProblem {
    return rt.conforms(value, shapes["throttled"]);
}

/** Creates a {@link WhatsAppProvisioningVerificationFailedProblem} (`whatsapp-provisioning/verification-failed`). */
export function createWhatsAppProvisioningVerificationFailed(options: rt.ProblemOptions = {}): WhatsAppProvisioningVerificationFailedProblem {
    const locale = options.locale ?? rt.defaultLocale;
    return {
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#verification-failed",
        status: 422,
        title: WhatsAppProvisioningMetadata["verification-failed"].title[locale],
        ...(options.detail !== undefined ? { detail: options.detail } : {}),
        ...(options.instance !== undefined ? { instance: options.instance } : {}),
    };
}

/** Whether `value` is a {@link WhatsAppProvisioningVerificationFailedProblem}, judged by its `type` alone (cheap; see {@link isValidWhatsAppProvisioningVerificationFailedProblem} to check its members too). */
export function isWhatsAppProvisioningVerificationFailedProblem(value: unknown): value is WhatsAppProvisioningVerificationFailedProblem {
    return rt.hasType(value, "https://developer.vonage.com/api-errors/whatsapp-provisioning#verification-failed");
}

/** Whether `value` is a valid {@link WhatsAppProvisioningVerificationFailedProblem}: its `type` and `status`, a string `title`, and every member as the catalog's schema says (required members present, types, enums, bounds; formats and patterns are left to the JSON Schemas). */
export function isValidWhatsAppProvisioningVerificationFailedProblem(value: unknown): value is WhatsAppProvisioningVerificationFailedProblem {
    return rt.conforms(value, shapes["verification-failed"]);
}

/** Creates a {@link WhatsAppProvisioningConflictDeploymentStateProblem} (`whatsapp-provisioning/conflict-deployment-state`). */
export function createWhatsAppProvisioningConflictDeploymentState(options: rt.ProblemOptions = {}): WhatsAppProvisioningConflictDeploymentStateProblem {
    const locale = options.locale ?? rt.defaultLocale;
    return {
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#conflict-deployment-state",
        status: 409,
        title: WhatsAppProvisioningMetadata["conflict-deployment-state"].title[locale],
        ...(options.detail !== undefined ? { detail: options.detail } : {}),
        ...(options.instance !== undefined ? { instance: options.instance } : {}),
    };
}

/** Whether `value` is a {@link WhatsAppProvisioningConflictDeploymentStateProblem}, judged by its `type` alone (cheap; see {@link isValidWhatsAppProvisioningConflictDeploymentStateProblem} to check its members too). */
export function isWhatsAppProvisioningConflictDeploymentStateProblem(value: unknown): value is WhatsAppProvisioningConflictDeploymentStateProblem {
    return rt.hasType(value, "https://developer.vonage.com/api-errors/whatsapp-provisioning#conflict-deployment-state");
}

/** Whether `value` is a valid {@link WhatsAppProvisioningConflictDeploymentStateProblem}: its `type` and `status`, a string `title`, and every member as the catalog's schema says (required members present, types, enums, bounds; formats and patterns are left to the JSON Schemas). */
export function isValidWhatsAppProvisioningConflictDeploymentStateProblem(value: unknown): value is WhatsAppProvisioningConflictDeploymentStateProblem {
    return rt.conforms(value, shapes["conflict-deployment-state"]);
}

/** Creates a {@link WhatsAppProvisioningConflictResendOtpProblem} (`whatsapp-provisioning/conflict-resend-otp`). */
export function createWhatsAppProvisioningConflictResendOtp(options: rt.ProblemOptions = {}): WhatsAppProvisioningConflictResendOtpProblem {
    const locale = options.locale ?? rt.defaultLocale;
    return {
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#conflict-resend-otp",
        status: 409,
        title: WhatsAppProvisioningMetadata["conflict-resend-otp"].title[locale],
        ...(options.detail !== undefined ? { detail: options.detail } : {}),
        ...(options.instance !== undefined ? { instance: options.instance } : {}),
    };
}

/** Whether `value` is a {@link WhatsAppProvisioningConflictResendOtpProblem}, judged by its `type` alone (cheap; see {@link isValidWhatsAppProvisioningConflictResendOtpProblem} to check its members too). */
export function isWhatsAppProvisioningConflictResendOtpProblem(value: unknown): value is WhatsAppProvisioningConflictResendOtpProblem {
    return rt.hasType(value, "https://developer.vonage.com/api-errors/whatsapp-provisioning#conflict-resend-otp");
}

/** Whether `value` is a valid {@link WhatsAppProvisioningConflictResendOtpProblem}: its `type` and `status`, a string `title`, and every member as the catalog's schema says (required members present, types, enums, bounds; formats and patterns are left to the JSON Schemas). */
export function isValidWhatsAppProvisioningConflictResendOtpProblem(value: unknown): value is WhatsAppProvisioningConflictResendOtpProblem {
    return rt.conforms(value, shapes["conflict-resend-otp"]);
}

/** Whether `value` is a problem of the WhatsApp Provisioning group (judged by its `type`). */
export function isWhatsAppProvisioningProblem(value: unknown): value is WhatsAppProvisioningProblem {
    return typeof value === "object" && value !== null && "type" in value && typeof value.type === "string" && typesOfGroup.has(value.type);
}
