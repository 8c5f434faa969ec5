/** The stats namespace of the contract: calls and streams are added here. */
export const statsContract = {};
