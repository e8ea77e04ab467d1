// Generated from catalog.yaml by error-catalog. Do not edit: change catalog.yaml and run the generator.

import * as rt from "../problem.js";

/** Codes of the Account problems. */
export declare enum AccountError {
    /** You do not have enough credit (HTTP 403); see {@link AccountOutOfCreditProblem}. */
    OutOfCredit = "out-of-credit",
}

/** A code of the Account group. */
export type AccountCode = `${AccountError}`;

/** Extension members of `account/out-of-credit`: You do not have enough credit. */
export interface AccountOutOfCreditMembers {
    /** Current balance of the account */
    balance: number;
    /** Price of the request */
    cost: number;
}

/**
 * You do not have enough credit (HTTP 403, `account/out-of-credit`)
 *
 * The account does not have enough credit to pay for the request.
 *
 * Resolution: Top up the account, then send the request again.
 * @see https://developer.vonage.com/api-errors/account#out-of-credit
 */
export interface AccountOutOfCreditProblem extends AccountOutOfCreditMembers {
    type: "https://developer.vonage.com/api-errors/account#out-of-credit";
    status: 403;
    title: string;
    detail?: string;
    instance?: string;
}

/** Any problem of the Account group. */
export type AccountProblem = AccountOutOfCreditProblem;

/** What the catalog says about each Account problem, by code. */
export declare const AccountMetadata: { readonly [C in AccountCode]: rt.ProblemMetadata };

/** Creates a {@link AccountOutOfCreditProblem} (`account/out-of-credit`, its detail rendered from the catalog template). */
export declare function createAccountOutOfCredit(members: AccountOutOfCreditMembers, options?: rt.ProblemOptions): AccountOutOfCreditProblem;

/** Whether `value` is a {@link AccountOutOfCreditProblem}, judged by its `type` alone (cheap; see {@link isValidAccountOutOfCreditProblem} to check its members too). */
export declare function isAccountOutOfCreditProblem(value: unknown): value is AccountOutOfCreditProblem;

/** Whether `value` is a valid {@link AccountOutOfCreditProblem}: its `type` and `status`, a string `title`, and every member as the catalog's schema says (required members present, types, enums, bounds; formats and patterns are left to the JSON Schemas). */
export declare function isValidAccountOutOfCreditProblem(value: unknown): value is AccountOutOfCreditProblem;

/** Whether `value` is a problem of the Account group (judged by its `type`). */
export declare function isAccountProblem(value: unknown): value is AccountProblem;
