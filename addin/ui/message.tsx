// A message bar whose name is its own text. Fluent's MessageBar points aria-labelledby at a
// MessageBarTitle, which these one-sentence bars do not have: an id that exists nowhere
// (WAI-ARIA 1.2: aria-labelledby must reference elements in the document). The body's id
// names it instead; `alert` makes the bar announce itself (role=alert) the moment it appears.
import {
  MessageBar,
  MessageBarBody,
  useId,
  type MessageBarIntent,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

interface MessageProps {
  intent: MessageBarIntent;
  children: ReactNode;
  testId?: string;
  alert?: boolean;
  /** Buttons after the text (MessageBarActions). */
  actions?: ReactNode;
  /** Extra attributes for the root, e.g. data-intent. */
  data?: Record<`data-${string}`, string>;
}

export function Message({ intent, children, testId, alert, actions, data }: MessageProps) {
  const bodyId = useId('message-body');
  return (
    <MessageBar
      intent={intent}
      aria-labelledby={bodyId}
      {...(alert === true ? { role: 'alert' } : {})}
      {...(testId === undefined ? {} : { 'data-testid': testId })}
      {...data}
    >
      <MessageBarBody id={bodyId}>{children}</MessageBarBody>
      {actions}
    </MessageBar>
  );
}
