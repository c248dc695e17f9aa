// The validation's problems, one per cell. Each is a button, so a click or Enter/Space selects
// its cell in the sheet; Tab moves through the list like any other controls.
import { Button, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { CellIssue, ValidationReport } from '../app-api';
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
export const MAX_LISTED_ISSUES = 200;

export function IssueList({
  report,
  onSelect,
}: {
  report: ValidationReport;
  onSelect: (issue: CellIssue) => void;
}) {
  const styles = useStyles();
  const { strings } = useUi();
  const listed = report.issues.slice(0, MAX_LISTED_ISSUES);
  return (
    <section className={styles.panel} aria-labelledby="issues-title">
      <Subtitle2 as="h2" id="issues-title">
        {strings.issuesTitle}
      </Subtitle2>
      <ul className={styles.list} aria-labelledby="issues-title" data-testid="issue-list">
        {listed.map((issue, index) => (
          <li key={`${index}:${issue.sheetName}!${issue.address}:${issue.code}`}>
            <Button
              className={styles.item}
              appearance="subtle"
              size="small"
              onClick={() => {
                onSelect(issue);
              }}
              data-testid="issue"
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
