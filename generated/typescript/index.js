// Generated from catalog.yaml by error-catalog. Do not edit: change catalog.yaml and run the generator.

export * from "./problem.js";
export * from "./groups/whatsapp-provisioning.js";
export * from "./groups/account.js";
import { WhatsAppProvisioningMetadata } from "./groups/whatsapp-provisioning.js";
import { AccountMetadata } from "./groups/account.js";

export const allProblems = [
    WhatsAppProvisioningMetadata["number-in-use"],
    WhatsAppProvisioningMetadata["invalid-json"],
    WhatsAppProvisioningMetadata["unprocessable"],
    WhatsAppProvisioningMetadata["unprocessable-profile-update"],
    WhatsAppProvisioningMetadata["throttled"],
    WhatsAppProvisioningMetadata["verification-failed"],
    WhatsAppProvisioningMetadata["conflict-deployment-state"],
    WhatsAppProvisioningMetadata["conflict-resend-otp"],
    AccountMetadata["out-of-credit"],
];

const byType = new Map(allProblems.map((p) => [p.type, p]));

export function problemByType(type) {
    return byType.get(type);
}

export function problemsByCode(code) {
    return allProblems.filter((p) => p.code === code);
}

export function isProblem(value) {
    return typeof value === "object" && value !== null && "type" in value && typeof value.type === "string" && byType.has(value.type);
}
