// Generated from catalog.yaml by error-catalog. Do not edit: change catalog.yaml and run the generator.

import * as rt from "../problem.js";

/** Codes of the WhatsApp Provisioning problems. */
export declare enum WhatsAppProvisioningError {
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
export declare const WhatsAppProvisioningMetadata: { readonly [C in WhatsAppProvisioningCode]: rt.ProblemMetadata };

/** Creates a {@link WhatsAppProvisioningNumberInUseProblem} (`whatsapp-provisioning/number-in-use`). */
export declare function createWhatsAppProvisioningNumberInUse(options?: rt.ProblemOptions): WhatsAppProvisioningNumberInUseProblem;

/** Whether `value` is a {@link WhatsAppProvisioningNumberInUseProblem}, judged by its `type` alone (cheap; see {@link isValidWhatsAppProvisioningNumberInUseProblem} to check its members too). */
export declare function isWhatsAppProvisioningNumberInUseProblem(value: unknown): value is WhatsAppProvisioningNumberInUseProblem;

/** Whether `value` is a valid {@link WhatsAppProvisioningNumberInUseProblem}: its `type` and `status`, a string `title`, and every member as the catalog's schema says (required members present, types, enums, bounds; formats and patterns are left to the JSON Schemas). */
export declare function isValidWhatsAppProvisioningNumberInUseProblem(value: unknown): value is WhatsAppProvisioningNumberInUseProblem;

/** Creates a {@link WhatsAppProvisioningInvalidJsonProblem} (`whatsapp-provisioning/invalid-json`). */
export declare function createWhatsAppProvisioningInvalidJson(options?: rt.ProblemOptions): WhatsAppProvisioningInvalidJsonProblem;

/** Whether `value` is a {@link WhatsAppProvisioningInvalidJsonProblem}, judged by its `type` alone (cheap; see {@link isValidWhatsAppProvisioningInvalidJsonProblem} to check its members too). */
export declare function isWhatsAppProvisioningInvalidJsonProblem(value: unknown): value is WhatsAppProvisioningInvalidJsonProblem;

/** Whether `value` is a valid {@link WhatsAppProvisioningInvalidJsonProblem}: its `type` and `status`, a string `title`, and every member as the catalog's schema says (required members present, types, enums, bounds; formats and patterns are left to the JSON Schemas). */
export declare function isValidWhatsAppProvisioningInvalidJsonProblem(value: unknown): value is WhatsAppProvisioningInvalidJsonProblem;

/** Creates a {@link WhatsAppProvisioningUnprocessableProblem} (`whatsapp-provisioning/unprocessable`). */
export declare function createWhatsAppProvisioningUnprocessable(options?: rt.ProblemOptions): WhatsAppProvisioningUnprocessableProblem;

/** Whether `value` is a {@link WhatsAppProvisioningUnprocessableProblem}, judged by its `type` alone (cheap; see {@link isValidWhatsAppProvisioningUnprocessableProblem} to check its members too). */
export declare function isWhatsAppProvisioningUnprocessableProblem(value: unknown): value is WhatsAppProvisioningUnprocessableProblem;

/** Whether `value` is a valid {@link WhatsAppProvisioningUnprocessableProblem}: its `type` and `status`, a string `title`, and every member as the catalog's schema says (required members present, types, enums, bounds; formats and patterns are left to the JSON Schemas). */
export declare function isValidWhatsAppProvisioningUnprocessableProblem(value: unknown): value is WhatsAppProvisioningUnprocessableProblem;

/** Creates a {@link WhatsAppProvisioningUnprocessableProfileUpdateProblem} (`whatsapp-provisioning/unprocessable-profile-update`). */
export declare function createWhatsAppProvisioningUnprocessableProfileUpdate(options?: rt.ProblemOptions): WhatsAppProvisioningUnprocessableProfileUpdateProblem;

/** Whether `value` is a {@link WhatsAppProvisioningUnprocessableProfileUpdateProblem}, judged by its `type` alone (cheap; see {@link isValidWhatsAppProvisioningUnprocessableProfileUpdateProblem} to check its members too). */
export declare function isWhatsAppProvisioningUnprocessableProfileUpdateProblem(value: unknown): value is WhatsAppProvisioningUnprocessableProfileUpdateProblem;

/** Whether `value` is a valid {@link WhatsAppProvisioningUnprocessableProfileUpdateProblem}: its `type` and `status`, a string `title`, and every member as the catalog's schema says (required members present, types, enums, bounds; formats and patterns are left to the JSON Schemas). */
export declare function isValidWhatsAppProvisioningUnprocessableProfileUpdateProblem(value: unknown): value is WhatsAppProvisioningUnprocessableProfileUpdateProblem;

/** Creates a {@link WhatsAppProvisioningThrottledProblem} (`whatsapp-provisioning/throttled`). */
export declare function createWhatsAppProvisioningThrottled(options?: rt.ProblemOptions): WhatsAppProvisioningThrottledProblem;

/** Whether `value` is a {@link WhatsAppProvisioningThrottledProblem}, judged by its `type` alone (cheap; see {@link isValidWhatsAppProvisioningThrottledProblem} to check its members too). */
export declare function isWhatsAppProvisioningThrottledProblem(value: unknown): value is WhatsAppProvisioningThrottledProblem;

/** Whether `value` is a valid {@link WhatsAppProvisioningThrottledProblem}: its `type` and `status`, a string `title`, and every member as the catalog's schema says (required members present, types, enums, bounds; formats and patterns are left to the JSON Schemas). */
export declare function isValidWhatsAppProvisioningThrottledProblem(value: unknown): value is WhatsAppProvisioningThrottledProblem;

/** Creates a {@link WhatsAppProvisioningVerificationFailedProblem} (`whatsapp-provisioning/verification-failed`). */
export declare function createWhatsAppProvisioningVerificationFailed(options?: rt.ProblemOptions): WhatsAppProvisioningVerificationFailedProblem;

/** Whether `value` is a {@link WhatsAppProvisioningVerificationFailedProblem}, judged by its `type` alone (cheap; see {@link isValidWhatsAppProvisioningVerificationFailedProblem} to check its members too). */
export declare function isWhatsAppProvisioningVerificationFailedProblem(value: unknown): value is WhatsAppProvisioningVerificationFailedProblem;

/** Whether `value` is a valid {@link WhatsAppProvisioningVerificationFailedProblem}: its `type` and `status`, a string `title`, and every member as the catalog's schema says (required members present, types, enums, bounds; formats and patterns are left to the JSON Schemas). */
export declare function isValidWhatsAppProvisioningVerificationFailedProblem(value: unknown): value is WhatsAppProvisioningVerificationFailedProblem;

/** Creates a {@link WhatsAppProvisioningConflictDeploymentStateProblem} (`whatsapp-provisioning/conflict-deployment-state`). */
export declare function createWhatsAppProvisioningConflictDeploymentState(options?: rt.ProblemOptions): WhatsAppProvisioningConflictDeploymentStateProblem;

/** Whether `value` is a {@link WhatsAppProvisioningConflictDeploymentStateProblem}, judged by its `type` alone (cheap; see {@link isValidWhatsAppProvisioningConflictDeploymentStateProblem} to check its members too). */
export declare function isWhatsAppProvisioningConflictDeploymentStateProblem(value: unknown): value is WhatsAppProvisioningConflictDeploymentStateProblem;

/** Whether `value` is a valid {@link WhatsAppProvisioningConflictDeploymentStateProblem}: its `type` and `status`, a string `title`, and every member as the catalog's schema says (required members present, types, enums, bounds; formats and patterns are left to the JSON Schemas). */
export declare function isValidWhatsAppProvisioningConflictDeploymentStateProblem(value: unknown): value is WhatsAppProvisioningConflictDeploymentStateProblem;

/** Creates a {@link WhatsAppProvisioningConflictResendOtpProblem} (`whatsapp-provisioning/conflict-resend-otp`). */
export declare function createWhatsAppProvisioningConflictResendOtp(options?: rt.ProblemOptions): WhatsAppProvisioningConflictResendOtpProblem;

/** Whether `value` is a {@link WhatsAppProvisioningConflictResendOtpProblem}, judged by its `type` alone (cheap; see {@link isValidWhatsAppProvisioningConflictResendOtpProblem} to check its members too). */
export declare function isWhatsAppProvisioningConflictResendOtpProblem(value: unknown): value is WhatsAppProvisioningConflictResendOtpProblem;

/** Whether `value` is a valid {@link WhatsAppProvisioningConflictResendOtpProblem}: its `type` and `status`, a string `title`, and every member as the catalog's schema says (required members present, types, enums, bounds; formats and patterns are left to the JSON Schemas). */
export declare function isValidWhatsAppProvisioningConflictResendOtpProblem(value: unknown): value is WhatsAppProvisioningConflictResendOtpProblem;

/** Whether `value` is a problem of the WhatsApp Provisioning group (judged by its `type`). */
export declare function isWhatsAppProvisioningProblem(value: unknown): value is WhatsAppProvisioningProblem;
