/**
 * Every number the matcher scores with, named, each with the reason it has its value. Scores run from
 * 0 to 1; what matters is their order and the confidence line. Change a weight here and run
 * `npm run -s dump:rankings` before and after: the ranking of every fixture paste is the test.
 */
export const WEIGHTS = {
  // --- A template of the record matched a pasted line: the strongest evidence there is.
  /** Where every full template hit starts: above any score words alone can reach (`textOnly` ≤ 0.45). */
  templateBase: 0.6,
  /** Up to this much more for a longer literal text: a longer template is a more specific message. */
  templateLiteral: 0.25,
  /** Literal length at which `templateLiteral` is reached. */
  templateLiteralFull: 80,
  /** Each further distinct error of the record that matched (up to `templateExtraErrorsMax`). */
  templateExtraError: 0.04,
  templateExtraErrorsMax: 2,
  /** Text similarity separates records that hit the same template. */
  templateSimilarity: 0.12,

  // --- Only the skeleton matched: the same message with other numbers (`unknown#181` vs `#125`).
  /** A near miss is a lead, never an answer: it stays below every full hit. */
  nearBase: 0.25,
  nearLiteral: 0.1,
  nearSimilarity: 0.12,

  // --- No template at all: shared words only.
  /** Words alone never make a confident match, so they stay below the template scores. */
  textOnly: 0.45,
  /** Similarity mixes the rarity-weighted share of a record's error words found in the paste... */
  similarityCoverage: 0.7,
  /** ...with the text index's rank relative to its best result. */
  similarityRank: 0.3,

  // --- What the paste says about itself, compared with the record.
  /** The paste names a tool the record is about. */
  agreeComponent: 0.08,
  /** The paste names only a library the record lists: every Go agent links cilium/ebpf, so little. */
  agreeLibrary: 0.02,
  /** The paste's kernel lies inside the record's affected range. */
  agreeKernel: 0.06,
  /** The paste fails on the same helper id as the record's error. */
  agreeHelper: 0.06,
  /** A captured value (program, field, probe name) equals the record's own. */
  agreeIdent: 0.04,
  /** The paste names another tool than the record's. */
  disagreeComponent: -0.2,
  /** The paste's kernel is outside the record's range: the record cannot be the cause. */
  disagreeKernel: -0.25,
  /** Another helper id than the record's: a different failure, strongest contradiction. */
  disagreeHelper: -0.3,
  /** The paste reports an errno the record's errors never mention. */
  disagreeErrno: -0.1,
  /** The paste names a version of the tool that the record does not list. */
  disagreeVersion: -0.1,

  // --- The paste names a thread (`owner/repo#N`) the record cites.
  /** How far a cited record is placed above the best record the paste does not cite. */
  citationMargin: 0.05,
  /** A cited record scores at least this: shown, and above any match on words alone. */
  citationFloor: 0.6,

  // --- Confidence and ranking among neighbours.
  /** A full template hit with nothing against it is confident from this score on. */
  confident: 0.55,
  /**
   * How many lines around a hit on a line that only says loading failed are read for the line that
   * says why: a loader prints the cause a line or two before or after its "failed to load" line.
   */
  causeWindow: 4,
  /** How far an incident is placed above (or below) its error class on a shared template. */
  neighbourStep: 0.01,
  /** An incident owns a template shared with its class when its own is this much longer. */
  ownsLiteralMargin: 6,
} as const;
