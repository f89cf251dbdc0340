/** One request: the conversation, replies, files and the rating after resolution. */
export function PortalCasePage() {
  return null;
}
