/**
 * The statuses after which a pipeline hands a failed response to its source's `recover`: 401 and
 * 403 (a credential that is missing, expired or revoked) and 400 (how AWS reports a signature
 * made with a skewed clock). The source decides; it resolves false for anything it cannot mend.
 * @public
 */
export function isRecoverableStatus(status: number): boolean {
  return status === 400 || status === 401 || status === 403;
}
