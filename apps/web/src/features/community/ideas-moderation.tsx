/** The moderation queue's ideas and idea comments waiting for review, with approve and hide. */
export function IdeasModeration() {
  return null;
}
