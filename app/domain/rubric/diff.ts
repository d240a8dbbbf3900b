import { LEVELS } from "../levels";
import type { ProjectProcess, Rubric } from "./schema";

/**
 * What changed between two versions of a track, section by section: items added, removed, and
 * changed (field by field, before and after). Items are matched by id, so a renamed competency
 * shows as changed, while a new id shows as added.
 */
export type DiffItem = { key: string; label: string; fields: Record<string, string> };
export type FieldChange = { field: string; before: string | null; after: string | null };
export type SectionDiff = {
  id: string;
  title: string;
  added: DiffItem[];
  removed: DiffItem[];
  changed: Array<{ key: string; label: string; changes: FieldChange[] }>;
};

type Section = { id: string; title: string; items: (r: Rubric) => DiffItem[] };

const list = (values: readonly string[]) => values.join("\n");
const money = (n: number) => n.toLocaleString("en-US");

const SECTIONS: Section[] = [
  {
    id: "overview",
    title: "Overview",
    items: (r) => [
      { key: "track", label: r.name, fields: { name: r.name, summary: r.summary, "also known as": list(r.also_known_as) } },
    ],
  },
  {
    id: "scale",
    title: "Rating scale",
    items: (r) => r.scale.map((p) => ({ key: String(p.value), label: `${p.value} · ${p.label}`, fields: { label: p.label, meaning: p.meaning } })),
  },
  {
    id: "competencies",
    title: "Competencies",
    items: (r) =>
      r.competencies.map((c) => ({
        key: c.id,
        label: c.name,
        fields: {
          name: c.name,
          description: c.description,
          scored: c.bonus ? "bonus (not required)" : "required",
          ...Object.fromEntries(Object.entries(c.anchors).map(([value, text]) => [`anchor ${value}`, text])),
        },
      })),
  },
  {
    id: "characteristics",
    title: "Behavioural characteristics",
    items: (r) => r.characteristics.map((c) => ({ key: c.id, label: c.name, fields: { name: c.name, description: c.description } })),
  },
  {
    id: "signals",
    title: "Positive signals",
    items: (r) => r.signals.map((s) => ({ key: s.id, label: s.text, fields: { text: s.text } })),
  },
  {
    id: "red_flags",
    title: "Red flags",
    items: (r) =>
      r.red_flags.map((f) => ({
        key: f.id,
        label: f.name,
        fields: { name: f.name, description: f.description, category: f.category, severity: f.severity },
      })),
  },
  {
    id: "stages",
    title: "Interview stages",
    items: (r) =>
      r.stages.map((s, i) => ({
        key: s.id,
        label: s.name,
        fields: { name: s.name, order: String(i + 1), "focus areas": list(s.focus_areas), criteria: list(s.criteria.map((c) => c.name)) },
      })),
  },
  {
    id: "criteria",
    title: "Interview criteria",
    items: (r) =>
      r.stages.flatMap((s) =>
        s.criteria.map((c) => ({
          key: c.id,
          label: c.name,
          fields: {
            name: c.name,
            stage: s.name,
            competency: r.competencies.find((k) => k.id === c.competency)?.name ?? c.competency,
            prompts: list(c.prompts),
          },
        })),
      ),
  },
  {
    id: "levels",
    title: "Levels",
    items: (r) =>
      r.levels.map((l) => ({
        key: l.id,
        label: `${l.id} ${l.title}`,
        fields: {
          title: l.title,
          impact: l.impact,
          ...Object.fromEntries(Object.entries(l.bars).map(([c, bar]) => [`bar: ${nameOf(r, c)}`, String(bar)])),
          ...Object.fromEntries(Object.entries(l.advancement).map(([c, text]) => [`advancement: ${criterionName(r, c)}`, text])),
        },
      })),
  },
  {
    id: "advancement_criteria",
    title: "Advancement criteria",
    items: (r) => r.advancement_criteria.map((c) => ({ key: c.id, label: c.name, fields: { name: c.name, description: c.description } })),
  },
  {
    id: "decision_rules",
    title: "Decision rules",
    items: (r) => {
      const d = r.decision_rules;
      const rules: DiffItem[] = [
        {
          key: "scorecards",
          label: "Scorecards",
          fields: {
            ...Object.fromEntries(
              Object.entries(d.scorecards_per_stage).map(([s, n]) => [`needed for ${r.stages.find((x) => x.id === s)?.name ?? s}`, String(n)]),
            ),
            "due after (hours)": String(d.scorecard_due_hours),
            "ratings needing written evidence": d.evidence_required_for_ratings.join(", "),
          },
        },
        {
          key: "aggregation",
          label: "Aggregation",
          fields: {
            "ratings needed per competency": String(d.min_ratings_per_competency),
            "disagreement at a spread of": String(d.disagreement_spread),
            "strong hire margin above bars": String(d.recommendation.strong_hire_margin),
            "major flags allowed for strong hire": String(d.recommendation.strong_hire_max_major_flags),
            "major flags allowed for hire": String(d.recommendation.hire_max_major_flags),
            "margin for the top of the band": String(d.band_placement.margin_for_max),
          },
        },
        {
          key: "blocking",
          label: "Blocking red flags",
          fields: Object.fromEntries(
            d.blocking_red_flags.map((b) => [r.red_flags.find((f) => f.id === b.flag)?.name ?? b.flag, `raised by ${b.min_interviewers} interviewer(s)`]),
          ),
        },
        ...Object.entries(d.promotion_evidence).map(([level, evidence]) => ({
          key: `promotion_${level}`,
          label: `Evidence for promotion to ${level}`,
          fields: {
            ...Object.fromEntries(Object.entries(evidence.criteria).map(([c, n]) => [criterionName(r, c), String(n)])),
            ...Object.fromEntries(Object.entries(evidence.competencies).map(([c, n]) => [nameOf(r, c), String(n)])),
          },
        })),
        { key: "promotion_pay", label: "Promotion pay", fields: { "minimum raise (%)": String(d.promotion_pay.min_raise_percent) } },
      ];
      return rules;
    },
  },
];

/** The project log's process; a version without one has no items, so adding or dropping it shows every item. */
const PROJECT_PROCESS: Section = {
  id: "project_process",
  title: "Project process",
  items: (r): DiffItem[] => {
    const p = r.project_process;
    if (!p) return [];
    return [
      {
        key: "prd",
        label: "PRD",
        fields: {
          "required sections": list(p.prd.required_sections.map((s) => s.heading)),
          "approver for a team satellite": SATELLITE_APPROVER_WORDS[p.prd.satellite_approver],
        },
      },
      ...p.prd.required_sections.map((s) => ({
        key: `prd_section_${s.id}`,
        label: `PRD section: ${s.heading}`,
        fields: { heading: s.heading, guidance: s.guidance },
      })),
      {
        key: "cadence",
        label: "Success metrics, checkpoint and reviews",
        fields: {
          "success metrics needed": String(p.min_success_metrics),
          "checkpoint after launch (days)": String(p.checkpoint_after_days),
          "review every (days)": String(p.quarterly_review_every_days),
        },
      },
      {
        key: "founder_mode",
        label: "Founder mode",
        fields: {
          "decision date": p.founder_mode.decision_date_required ? "required" : "optional",
          "decision date at most (days ahead)": String(p.founder_mode.max_decision_days),
        },
      },
      { key: "demos", label: "Demos", fields: { "demo every (days)": String(p.demos.cadence_days) } },
    ];
  },
};

const SATELLITE_APPROVER_WORDS: Record<ProjectProcess["prd"]["satellite_approver"], string> = {
  team_lead: "the lead of the team it is embedded in",
  anyone: "anyone the builder chooses, other than themselves",
};

/** Compensation figures: only for people allowed to see pay. */
const BANDS: Section = {
  id: "bands",
  title: "Compensation bands",
  items: (r) => [
    { key: "currency", label: "Currency and note", fields: { currency: r.bands.currency, note: r.bands.note } },
    ...LEVELS.flatMap((level) => {
      const band = r.bands.levels[level];
      if (!band) return [];
      return [
        {
          key: level,
          label: level,
          fields: {
            "base min": money(band.base.min),
            "base mid": money(band.base.mid),
            "base max": money(band.base.max),
            equity: `${money(band.equity.min)} – ${money(band.equity.max)}`,
            "learning budget": money(band.learning_budget),
          },
        },
      ];
    }),
  ],
};

function nameOf(r: Rubric, competency: string) {
  return r.competencies.find((c) => c.id === competency)?.name ?? competency;
}
function criterionName(r: Rubric, criterion: string) {
  return r.advancement_criteria.find((c) => c.id === criterion)?.name ?? criterion;
}

export function diffRubrics(before: Rubric, after: Rubric, options: { includeBands: boolean }): SectionDiff[] {
  // Bands (when shown) come just before the decision rules; the project process comes last.
  const sections = [
    ...SECTIONS.flatMap((section) => (section.id === "decision_rules" && options.includeBands ? [BANDS, section] : [section])),
    PROJECT_PROCESS,
  ];
  return sections.map((section) => diffSection(section, section.items(before), section.items(after)));
}

function diffSection(section: Section, before: DiffItem[], after: DiffItem[]): SectionDiff {
  const beforeByKey = new Map(before.map((i) => [i.key, i]));
  const afterByKey = new Map(after.map((i) => [i.key, i]));
  const changed: SectionDiff["changed"] = [];
  for (const item of after) {
    const old = beforeByKey.get(item.key);
    if (!old) continue;
    const fields = [...new Set([...Object.keys(old.fields), ...Object.keys(item.fields)])];
    const changes = fields
      .filter((f) => old.fields[f] !== item.fields[f])
      .map((f) => ({ field: f, before: old.fields[f] ?? null, after: item.fields[f] ?? null }));
    if (changes.length > 0) changed.push({ key: item.key, label: item.label, changes });
  }
  return {
    id: section.id,
    title: section.title,
    added: after.filter((i) => !beforeByKey.has(i.key)),
    removed: before.filter((i) => !afterByKey.has(i.key)),
    changed,
  };
}

export function countChanges(diff: readonly SectionDiff[]): number {
  return diff.reduce((n, s) => n + s.added.length + s.removed.length + s.changed.length, 0);
}
