// Generated from catalog.yaml by error-catalog. Do not edit: change catalog.yaml and run the generator.

import * as rt from "../problem.js";

export const AccountError = {
    OutOfCredit: "out-of-credit",
};

export const AccountMetadata = {
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

const shapes = JSON.parse("{\"out-of-credit\":{\"types\":[\"object\"],\"required\":[\"type\",\"status\",\"title\",\"balance\",\"cost\"],\"properties\":{\"type\":{\"const\":\"https://developer.vonage.com/api-errors/account#out-of-credit\"},\"status\":{\"const\":403},\"title\":{\"types\":[\"string\"]},\"detail\":{\"types\":[\"string\"]},\"instance\":{\"types\":[\"string\"]},\"balance\":{\"types\":[\"number\"]},\"cost\":{\"types\":[\"number\"]}}}}");

const typesOfGroup = new Set(Object.values(AccountMetadata).map((p) => p.type));

export function createAccountOutOfCredit(members, options = {}) {
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

export function isAccountOutOfCreditProblem(value) {
    return rt.hasType(value, "https://developer.vonage.com/api-errors/account#out-of-credit");
}

export function isValidAccountOutOfCreditProblem(value) {
    return rt.conforms(value, shapes["out-of-credit"]);
}

export function isAccountProblem(value) {
    return typeof value === "object" && value !== null && "type" in value && typeof value.type === "string" && typesOfGroup.has(value.type);
}
