// The validation's problems, one per cell. Each is a button, so a click or Enter/Space selects
// its cell in the sheet; Tab moves through the list like any other controls.
import { Button, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { CellIssue } from '../app-api';
import { useUi } from './context';
import { fill } from './strings';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    maxHeight: '40vh',
    overflowY: 'auto',
  },
  item: {
    justifyContent: 'flex-start',
    textAlign: 'start',
    width: '100%',
    fontWeight: tokens.fontWeightRegular,
  },
});

/** Long lists stay responsive: the first problems matter; the sheet shows every mark. */
const MAX_LISTED_ISSUES = 200;

interface IssueListProps {
  issues: readonly CellIssue[];
  onSelect: (issue: CellIssue) => void;
  /** The list's heading (validation's problems by default). */
  title?: string;
  /** Names the section and list for tests: "issue" (validation) or "rejected" (a push). */
  kind?: 'issue' | 'rejected';
}

export function IssueList({ issues, onSelect, title, kind = 'issue' }: IssueListProps) {
  const styles = useStyles();
  const { strings } = useUi();
  const listed = issues.slice(0, MAX_LISTED_ISSUES);
  const titleId = `${kind}-list-title`;
  return (
    <section className={styles.panel} aria-labelledby={titleId}>
      <Subtitle2 as="h2" id={titleId}>
        {title ?? strings.issuesTitle}
      </Subtitle2>
      <ul className={styles.list} aria-labelledby={titleId} data-testid={`${kind}-list`}>
        {listed.map((issue, index) => (
          <li key={`${index}:${issue.sheetName}!${issue.address}:${issue.code}`}>
            <Button
              className={styles.item}
              appearance="subtle"
              size="small"
              onClick={() => {
                onSelect(issue);
              }}
              data-testid={kind}
              data-address={issue.address}
              data-severity={issue.severity}
            >
              {fill(strings.issueLine, {
                row: issue.sheetRow,
                address: issue.address,
                message: issue.message,
              })}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
