// The subset of the Adaptive Card 1.5 schema this project produces, typed so that a wrong property is a
// compile error. Only elements that Teams desktop, web and mobile all render are listed.

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
/** Teams renders 1.5 everywhere (desktop, web, mobile); never go higher. */
export const CARD_VERSION = '1.5';

export type TextSize = 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
export type TextWeight = 'lighter' | 'default' | 'bolder';
export type TextColor = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge' | 'padding';

interface ElementBase {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
  /** Closed sections (and a title's other marker) start hidden; a ToggleVisibility action shows them. */
  isVisible?: boolean;
}

/** Our own chrome only: TextBlock text is markdown-interpreted, so dynamic text goes through escapeMarkdown(). */
export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  size?: TextSize;
  weight?: TextWeight;
  color?: TextColor;
  isSubtle?: boolean;
  style?: 'default' | 'heading';
}

/** A TextRun is never markdown-interpreted: this is where text someone wrote goes. */
export interface TextRun {
  type: 'TextRun';
  text: string;
  /** Only our own links (content URLs, mail addresses): never a URL someone typed. */
  selectAction?: OpenUrlAction;
  weight?: TextWeight;
  color?: TextColor;
  isSubtle?: boolean;
  italic?: boolean;
  size?: TextSize;
}

export interface RichTextBlock extends ElementBase {
  type: 'RichTextBlock';
  inlines: TextRun[];
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: Fact[];
}

export interface Container extends ElementBase {
  type: 'Container';
  items: CardElement[];
  style?: ContainerStyle;
  selectAction?: ToggleVisibilityAction;
}

export interface Column {
  type: 'Column';
  width?: 'auto' | 'stretch' | string;
  items: CardElement[];
}

export interface ColumnSet extends ElementBase {
  type: 'ColumnSet';
  columns: Column[];
}

export interface InputText extends ElementBase {
  type: 'Input.Text';
  id: string;
  label?: string;
  placeholder?: string;
  isMultiline?: boolean;
  isRequired?: boolean;
  errorMessage?: string;
  maxLength?: number;
}

export interface ActionSet extends ElementBase {
  type: 'ActionSet';
  actions: CardAction[];
}

export type CardElement = TextBlock | RichTextBlock | FactSet | Container | ColumnSet | InputText | ActionSet;

/** What a button sends back; the channel parses it with cardSubmitSchema. */
export type SubmitData = Record<string, string | boolean>;

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: SubmitData;
  style?: 'default' | 'positive' | 'destructive';
  /** none: the button does not require the inputs of the card to be valid. */
  associatedInputs?: 'auto' | 'none';
}

/** Universal Action (Teams): sent as an invoke, whose response can replace the card in place. */
export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data: SubmitData;
  style?: 'default' | 'positive' | 'destructive';
  associatedInputs?: 'auto' | 'none';
}

export interface ShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  card: AdaptiveCard;
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title?: string;
  url: string;
}

/** Shows or hides elements of the card itself; no round trip. */
export interface ToggleVisibilityAction {
  type: 'Action.ToggleVisibility';
  title?: string;
  targetElements: string[];
}

export type CardAction = SubmitAction | ExecuteAction | ShowCardAction | ToggleVisibilityAction;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema?: string;
  version: typeof CARD_VERSION;
  body: CardElement[];
  actions?: CardAction[];
  /** Teams: use the full width of the chat for long cards. */
  msteams?: { width: 'Full' };
  fallbackText?: string;
}

/** Looks up a UI text (already in the conversation's language) by its full key, e.g. `cards.risk`. */
export type UiLookup = (key: string) => string;
