// Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks): exceeding one makes Slack reject
// the whole message, so every builder keeps below them.
export const MAX_BLOCKS_PER_MESSAGE = 50;
export const MAX_BLOCKS_PER_VIEW = 100;
export const MAX_SECTION_TEXT = 3000;
export const MAX_HEADER_TEXT = 150;
export const MAX_BUTTON_TEXT = 75;
export const MAX_BUTTON_VALUE = 2000;
export const MAX_ACTION_ELEMENTS = 25;
export const MAX_FIELD_TEXT = 2000;
export const MAX_FIELDS = 10;
export const MAX_FALLBACK_TEXT = 3000;
export const MAX_MODAL_TITLE = 24;
export const MAX_PRIVATE_METADATA = 3000;
export const MAX_INPUT_LABEL = 2000;
export const MAX_PLACEHOLDER = 150;
