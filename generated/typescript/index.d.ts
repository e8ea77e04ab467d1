// Generated from catalog.yaml by error-catalog. Do not edit: change catalog.yaml and run the generator.

export * from "./problem.js";
export * from "./groups/whatsapp-provisioning.js";
export * from "./groups/account.js";
import type { ProblemMetadata } from "./problem.js";
import type { WhatsAppProvisioningProblem, WhatsAppProvisioningCode } from "./groups/whatsapp-provisioning.js";
import type { AccountProblem, AccountCode } from "./groups/account.js";
/** Any problem of the catalog; narrow it by its `type`. */
export type AnyProblem = WhatsAppProvisioningProblem | AccountProblem;
/** Any code of the catalog (a code may belong to several groups). */
export type ProblemCode = WhatsAppProvisioningCode | AccountCode;
/** Any type URI of the catalog. */
export type ProblemType = AnyProblem['type'];

/** Every problem type of the catalog, in catalog order. */
export declare const allProblems: readonly ProblemMetadata[];

/** The metadata of the problem type whose URI is `type`, if the catalog has one. */
export declare function problemByType(type: string): ProblemMetadata | undefined;

/** The metadata of every problem type with this code (one per group that uses it), in catalog order. */
export declare function problemsByCode(code: string): readonly ProblemMetadata[];

/** Whether `value` is a problem of this catalog (judged by its `type`). */
export declare function isProblem(value: unknown): value is AnyProblem;
