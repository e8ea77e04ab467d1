// Generated from catalog.yaml by error-catalog. Do not edit: change catalog.yaml and run the generator.

import * as rt from "../problem.js";

export const WhatsAppProvisioningError = {
    NumberInUse: "number-in-use",
    InvalidJson: "invalid-json",
    Unprocessable: "unprocessable",
    UnprocessableProfileUpdate: "unprocessable-profile-update",
    Throttled: "throttled",
    VerificationFailed: "verification-failed",
    ConflictDeploymentState: "conflict-deployment-state",
    ConflictResendOtp: "conflict-resend-otp",
};

export const WhatsAppProvisioningMetadata = {
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

const shapes = JSON.parse("{\"number-in-use\":{\"types\":[\"object\"],\"required\":[\"type\",\"status\",\"title\"],\"properties\":{\"type\":{\"const\":\"https://developer.vonage.com/api-errors/whatsapp-provisioning#number-in-use\"},\"status\":{\"const\":409},\"title\":{\"types\":[\"string\"]},\"detail\":{\"types\":[\"string\"]},\"instance\":{\"types\":[\"string\"]}}},\"invalid-json\":{\"types\":[\"object\"],\"required\":[\"type\",\"status\",\"title\"],\"properties\":{\"type\":{\"const\":\"https://developer.vonage.com/api-errors/whatsapp-provisioning#invalid-json\"},\"status\":{\"const\":400},\"title\":{\"types\":[\"string\"]},\"detail\":{\"types\":[\"string\"]},\"instance\":{\"types\":[\"string\"]}}},\"unprocessable\":{\"types\":[\"object\"],\"required\":[\"type\",\"status\",\"title\"],\"properties\":{\"type\":{\"const\":\"https://developer.vonage.com/api-errors/whatsapp-provisioning#unprocessable\"},\"status\":{\"const\":422},\"title\":{\"types\":[\"string\"]},\"detail\":{\"types\":[\"string\"]},\"instance\":{\"types\":[\"string\"]}}},\"unprocessable-profile-update\":{\"types\":[\"object\"],\"required\":[\"type\",\"status\",\"title\"],\"properties\":{\"type\":{\"const\":\"https://developer.vonage.com/api-errors/whatsapp-provisioning#unprocessable-profile-update\"},\"status\":{\"const\":422},\"title\":{\"types\":[\"string\"]},\"detail\":{\"types\":[\"string\"]},\"instance\":{\"types\":[\"string\"]}}},\"throttled\":{\"types\":[\"object\"],\"required\":[\"type\",\"status\",\"title\"],\"properties\":{\"type\":{\"const\":\"https://developer.vonage.com/api-errors/whatsapp-provisioning#throttled\"},\"status\":{\"const\":429},\"title\":{\"types\":[\"string\"]},\"detail\":{\"types\":[\"string\"]},\"instance\":{\"types\":[\"string\"]}}},\"verification-failed\":{\"types\":[\"object\"],\"required\":[\"type\",\"status\",\"title\"],\"properties\":{\"type\":{\"const\":\"https://developer.vonage.com/api-errors/whatsapp-provisioning#verification-failed\"},\"status\":{\"const\":422},\"title\":{\"types\":[\"string\"]},\"detail\":{\"types\":[\"string\"]},\"instance\":{\"types\":[\"string\"]}}},\"conflict-deployment-state\":{\"types\":[\"object\"],\"required\":[\"type\",\"status\",\"title\"],\"properties\":{\"type\":{\"const\":\"https://developer.vonage.com/api-errors/whatsapp-provisioning#conflict-deployment-state\"},\"status\":{\"const\":409},\"title\":{\"types\":[\"string\"]},\"detail\":{\"types\":[\"string\"]},\"instance\":{\"types\":[\"string\"]}}},\"conflict-resend-otp\":{\"types\":[\"object\"],\"required\":[\"type\",\"status\",\"title\"],\"properties\":{\"type\":{\"const\":\"https://developer.vonage.com/api-errors/whatsapp-provisioning#conflict-resend-otp\"},\"status\":{\"const\":409},\"title\":{\"types\":[\"string\"]},\"detail\":{\"types\":[\"string\"]},\"instance\":{\"types\":[\"string\"]}}}}");

const typesOfGroup = new Set(Object.values(WhatsAppProvisioningMetadata).map((p) => p.type));

export function createWhatsAppProvisioningNumberInUse(options = {}) {
    const locale = options.locale ?? rt.defaultLocale;
    return {
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#number-in-use",
        status: 409,
        title: WhatsAppProvisioningMetadata["number-in-use"].title[locale],
        ...(options.detail !== undefined ? { detail: options.detail } : {}),
        ...(options.instance !== undefined ? { instance: options.instance } : {}),
    };
}

export function isWhatsAppProvisioningNumberInUseProblem(value) {
    return rt.hasType(value, "https://developer.vonage.com/api-errors/whatsapp-provisioning#number-in-use");
}

export function isValidWhatsAppProvisioningNumberInUseProblem(value) {
    return rt.conforms(value, shapes["number-in-use"]);
}

export function createWhatsAppProvisioningInvalidJson(options = {}) {
    const locale = options.locale ?? rt.defaultLocale;
    return {
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#invalid-json",
        status: 400,
        title: WhatsAppProvisioningMetadata["invalid-json"].title[locale],
        ...(options.detail !== undefined ? { detail: options.detail } : {}),
        ...(options.instance !== undefined ? { instance: options.instance } : {}),
    };
}

export function isWhatsAppProvisioningInvalidJsonProblem(value) {
    return rt.hasType(value, "https://developer.vonage.com/api-errors/whatsapp-provisioning#invalid-json");
}

export function isValidWhatsAppProvisioningInvalidJsonProblem(value) {
    return rt.conforms(value, shapes["invalid-json"]);
}

export function createWhatsAppProvisioningUnprocessable(options = {}) {
    const locale = options.locale ?? rt.defaultLocale;
    return {
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#unprocessable",
        status: 422,
        title: WhatsAppProvisioningMetadata["unprocessable"].title[locale],
        ...(options.detail !== undefined ? { detail: options.detail } : {}),
        ...(options.instance !== undefined ? { instance: options.instance } : {}),
    };
}

export function isWhatsAppProvisioningUnprocessableProblem(value) {
    return rt.hasType(value, "https://developer.vonage.com/api-errors/whatsapp-provisioning#unprocessable");
}

export function isValidWhatsAppProvisioningUnprocessableProblem(value) {
    return rt.conforms(value, shapes["unprocessable"]);
}

export function createWhatsAppProvisioningUnprocessableProfileUpdate(options = {}) {
    const locale = options.locale ?? rt.defaultLocale;
    return {
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#unprocessable-profile-update",
        status: 422,
        title: WhatsAppProvisioningMetadata["unprocessable-profile-update"].title[locale],
        ...(options.detail !== undefined ? { detail: options.detail } : {}),
        ...(options.instance !== undefined ? { instance: options.instance } : {}),
    };
}

export function isWhatsAppProvisioningUnprocessableProfileUpdateProblem(value) {
    return rt.hasType(value, "https://developer.vonage.com/api-errors/whatsapp-provisioning#unprocessable-profile-update");
}

export function isValidWhatsAppProvisioningUnprocessableProfileUpdateProblem(value) {
    return rt.conforms(value, shapes["unprocessable-profile-update"]);
}

export function createWhatsAppProvisioningThrottled(options = {}) {
    const locale = options.locale ?? rt.defaultLocale;
    return {
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#throttled",
        status: 429,
        title: WhatsAppProvisioningMetadata["throttled"].title[locale],
        ...(options.detail !== undefined ? { detail: options.detail } : {}),
        ...(options.instance !== undefined ? { instance: options.instance } : {}),
    };
}

export function isWhatsAppProvisioningThrottledProblem(value) {
    return rt.hasType(value, "https://developer.vonage.com/api-errors/whatsapp-provisioning#throttled");
}

export function isValidWhatsAppProvisioningThrottledProblem(value) {
    return rt.conforms(value, shapes["throttled"]);
}

export function createWhatsAppProvisioningVerificationFailed(options = {}) {
    const locale = options.locale ?? rt.defaultLocale;
    return {
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#verification-failed",
        status: 422,
        title: WhatsAppProvisioningMetadata["verification-failed"].title[locale],
        ...(options.detail !== undefined ? { detail: options.detail } : {}),
        ...(options.instance !== undefined ? { instance: options.instance } : {}),
    };
}

export function isWhatsAppProvisioningVerificationFailedProblem(value) {
    return rt.hasType(value, "https://developer.vonage.com/api-errors/whatsapp-provisioning#verification-failed");
}

export function isValidWhatsAppProvisioningVerificationFailedProblem(value) {
    return rt.conforms(value, shapes["verification-failed"]);
}

export function createWhatsAppProvisioningConflictDeploymentState(options = {}) {
    const locale = options.locale ?? rt.defaultLocale;
    return {
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#conflict-deployment-state",
        status: 409,
        title: WhatsAppProvisioningMetadata["conflict-deployment-state"].title[locale],
        ...(options.detail !== undefined ? { detail: options.detail } : {}),
        ...(options.instance !== undefined ? { instance: options.instance } : {}),
    };
}

export function isWhatsAppProvisioningConflictDeploymentStateProblem(value) {
    return rt.hasType(value, "https://developer.vonage.com/api-errors/whatsapp-provisioning#conflict-deployment-state");
}

export function isValidWhatsAppProvisioningConflictDeploymentStateProblem(value) {
    return rt.conforms(value, shapes["conflict-deployment-state"]);
}

export function createWhatsAppProvisioningConflictResendOtp(options = {}) {
    const locale = options.locale ?? rt.defaultLocale;
    return {
        type: "https://developer.vonage.com/api-errors/whatsapp-provisioning#conflict-resend-otp",
        status: 409,
        title: WhatsAppProvisioningMetadata["conflict-resend-otp"].title[locale],
        ...(options.detail !== undefined ? { detail: options.detail } : {}),
        ...(options.instance !== undefined ? { instance: options.instance } : {}),
    };
}

export function isWhatsAppProvisioningConflictResendOtpProblem(value) {
    return rt.hasType(value, "https://developer.vonage.com/api-errors/whatsapp-provisioning#conflict-resend-otp");
}

export function isValidWhatsAppProvisioningConflictResendOtpProblem(value) {
    return rt.conforms(value, shapes["conflict-resend-otp"]);
}

export function isWhatsAppProvisioningProblem(value) {
    return typeof value === "object" && value !== null && "type" in value && typeof value.type === "string" && typesOfGroup.has(value.type);
}
