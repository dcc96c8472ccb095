/**
 * A request that will never be accepted as it is (a malformed message, a tab claiming another shop), as
 * opposed to a passing failure (the worker restarting, a full disk): the sender must not resend it, and
 * tells the agent what was not recorded. Thrown by the worker's handlers and by the client on such an answer.
 */
export class RefusalError extends Error {
  override name = 'RefusalError';
}
