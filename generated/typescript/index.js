// Generated from catalog.yaml by error-catalog. Do not edit: change catalog.yaml and run the generator.
export * from "./problem.js";
export * from "./groups/whatsapp-provisioning.js";
export * from "./groups/account.js";
import { WhatsAppProvisioningMetadata } from "./groups/whatsapp-provisioning.js";
import { AccountMetadata } from "./groups/account.js";
/** Every problem type of the catalog, in catalog order. */
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
/** The metadata of the problem type whose URI is `type`, if the catalog has one. */
export function problemByType(type) {
    return byType.get(type);
}
/** The metadata of every problem type with this code (one per group that uses it), in catalog order. */
export function problemsByCode(code) {
    return allProblems.filter((p) => p.code === code);
}
/** Whether `value` is a problem of this catalog (judged by its `type`). */
export function isProblem(value) {
    return typeof value === 'object' && value !== null && byType.has(String(value.type));
}
