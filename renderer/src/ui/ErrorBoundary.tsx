/**
 * Keeps one part of the window failing on its own: a body or note document of a shape the app
 * never writes (a restored backup, a library file made elsewhere) makes that part throw while it
 * renders, and without a boundary React unmounts the whole app (a blank window). The part shows
 * what failed, in a sentence, with a way to go on; the rest of the app keeps working.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What could not be shown, as a sentence ("This article could not be shown."). */
  title: string;
  /** A new key (another article or note) tries again. */
  resetKey: string | number | null;
  /** The way on from here: a label and what it does (e.g. back to the library). */
  leave?: { label: string; run: () => void };
  className?: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** The key being shown: another one clears the error and tries again. */
  key: Props['resetKey'];
}

export class ErrorBoundary extends Component<Props, State> {
  constructor(props: Props) {
    super(props);
    this.state = { error: null, key: props.resetKey };
  }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(this.props.title, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { title, leave, className } = this.props;
    return (
      <div className={`pane-empty pane-error${className ? ` ${className}` : ''}`} role="alert">
        <p className="pane-empty-title">{title}</p>
        <p className="pane-error-message">
          {error.message.split('\n')[0]?.slice(0, 300) ||
            'Something in it is not in a shape Commonplace can show.'}
        </p>
        <p>The rest of the library works as before; nothing was changed.</p>
        <div className="pane-error-actions">
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          {leave && (
            <button type="button" className="primary" onClick={leave.run}>
              {leave.label}
            </button>
          )}
        </div>
      </div>
    );
  }
}
