// Generated from catalog.yaml by error-catalog. Do not edit: change catalog.yaml and run the generator.

import * as rt from "../problem.js";

/** Codes of the Account problems. */
export enum AccountError {
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
export const AccountMetadata: { readonly [C in AccountCode]: rt.ProblemMetadata } = {
    "out-of-credit": {
        group: "account",
        code: "out-of-credit",
        type: "https://developer.vonage.com/api-errors/account#out-of-credit",
        status: 403,
        title: rt.inEveryLocale("You do not have enough credit"),
        description: rt.inEveryLocale("The account does not have enough credit to pay for the request."),
        resolution: rt.inEveryLocale("Top up the account, then send the request again."),
        docsUrl: "https://developer.vonage.com/api-errors/account#out-of-credit",
    },
};

const shapes: { readonly [code: string]: rt.ProblemShape } = JSON.parse("{\"out-of-credit\":{\"types\":[\"object\"],\"required\":[\"type\",\"status\",\"title\",\"balance\",\"cost\"],\"properties\":{\"type\":{\"const\":\"https://developer.vonage.com/api-errors/account#out-of-credit\"},\"status\":{\"const\":403},\"title\":{\"types\":[\"string\"]},\"detail\":{\"types\":[\"string\"]},\"instance\":{\"types\":[\"string\"]},\"balance\":{\"types\":[\"number\"]},\"cost\":{\"types\":[\"number\"]}}}}");

const typesOfGroup: ReadonlySet<string> = new Set(Object.values(AccountMetadata).map((p) => p.type));

/** Creates a {@link AccountOutOfCreditProblem} (`account/out-of-credit`, its detail rendered from the catalog template). */
export function createAccountOutOfCredit(members: AccountOutOfCreditMembers, options: rt.ProblemOptions = {}): AccountOutOfCreditProblem {
    const locale = options.locale ?? rt.defaultLocale;
    const detail = options.detail ?? ("Your current balance is " + rt.formatMember(members.balance) + ", but that costs " + rt.formatMember(members.cost) + ".");
    return {
        type: "https://developer.vonage.com/api-errors/account#out-of-credit",
        status: 403,
        title: AccountMetadata["out-of-credit"].title[locale],
        detail,
        ...(options.instance !== undefined ? { instance: options.instance } : {}),
        balance: members.balance,
        cost: members.cost,
    };
}

/** Whether `value` is a {@link AccountOutOfCreditProblem}, judged by its `type` alone (cheap; see {@link isValidAccountOutOfCreditProblem} to check its members too). */
export function isAccountOutOfCreditProblem(value: unknown): value is AccountOutOfCreditProblem {
    return rt.hasType(value, "https://developer.vonage.com/api-errors/account#out-of-credit");
}

/** Whether `value` is a valid {@link AccountOutOfCreditProblem}: its `type` and `status`, a string `title`, and every member as the catalog's schema says (required members present, types, enums, bounds; formats and patterns are left to the JSON Schemas). */
export function isValidAccountOutOfCreditProblem(value: unknown): value is AccountOutOfCreditProblem {
    return rt.conforms(value, shapes["out-of-credit"]);
}

/** Whether `value` is a problem of the Account group (judged by its `type`). */
export function isAccountProblem(value: unknown): value is AccountProblem {
    return typeof value === "object" && value !== null && "type" in value && typeof value.type === "string" && typesOfGroup.has(value.type);
}
