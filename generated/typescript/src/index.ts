// Generated from catalog.yaml by error-catalog. Do not edit: change catalog.yaml and run the generator.

export * from "./problem.js";
export * from "./groups/whatsapp-provisioning.js";
export * from "./groups/account.js";
import type { ProblemMetadata } from "./problem.js";
import { WhatsAppProvisioningMetadata } from "./groups/whatsapp-provisioning.js";
import { AccountMetadata } from "./groups/account.js";
import type { WhatsAppProvisioningProblem, WhatsAppProvisioningCode } from "./groups/whatsapp-provisioning.js";
import type { AccountProblem, AccountCode } from "./groups/account.js";
/** Any problem of the catalog; narrow it by its `type`. */
export type AnyProblem = WhatsAppProvisioningProblem | AccountProblem;
/** Any code of the catalog (a code may belong to several groups). */
export type ProblemCode = WhatsAppProvisioningCode | AccountCode;
/** Any type URI of the catalog. */
export type ProblemType = AnyProblem['type'];

/** Every problem type of the catalog, in catalog order. */
export const allProblems: readonly ProblemMetadata[] = [
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

const byType: ReadonlyMap<string, ProblemMetadata> = new Map(allProblems.map((p) => [p.type, p]));

/** The metadata of the problem type whose URI is `type`, if the catalog has one. */
export function problemByType(type: string): ProblemMetadata | undefined {
    return byType.get(type);
}

/** The metadata of every problem type with this code (one per group that uses it), in catalog order. */
export function problemsByCode(code: string): readonly ProblemMetadata[] {
    return allProblems.filter((p) => p.code === code);
}

/** Whether `value` is a problem of this catalog (judged by its `type`). */
export function isProblem(value: unknown): value is AnyProblem {
    return typeof value === "object" && value !== null && "type" in value && typeof value.type === "string" && byType.has(value.type);
}
