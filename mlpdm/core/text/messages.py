"""Every user-facing string of the program (not of the questionnaire), in each language."""

from __future__ import annotations

from typing import Any

from mlpdm.core.text.help_texts import HELP
from mlpdm.core.text.languages import DEFAULT_LANGUAGE

# One entry per key: {language: text}. Texts use str.format placeholders. A test checks that
# every key has every language and the same placeholders in each.
MESSAGES: dict[str, dict[str, str]] = {
    # -- verdicts ----------------------------------------------------------------------------
    "verdict.no-go-risk": {
        "en": "NO-GO — unacceptable risk as designed",
        "ja": "NO-GO — 現在の設計ではリスクが許容できない",
    },
    "verdict.no-go-not-needed": {"en": "NO-GO — ML not needed", "ja": "NO-GO — ML は不要"},
    "verdict.not-ready": {"en": "NOT READY", "ja": "準備不足（NOT READY）"},
    "verdict.go-with-conditions": {"en": "GO WITH CONDITIONS", "ja": "条件付き GO"},
    "verdict.go": {"en": "GO", "ja": "GO"},
    "verdict.no-go-risk.explain": {
        "en": "Do not build it as designed. Each blocker below says which design change would lift it.",
        "ja": "この設計のままで作るべきではない。各ブロッカーに、解消するための設計変更を示す。",
    },
    "verdict.no-go-not-needed.explain": {
        "en": "A simpler approach does the job. Build that instead; the brief says when ML would be worth revisiting.",
        "ja": "より単純な方法で目的を達成できるので、そちらを作る。ML を再検討すべき時期はこのブリーフに示す。",
    },
    "verdict.not-ready.explain": {
        "en": "Prerequisites are missing. Put them in place, update the answers and render the brief again.",
        "ja": "前提条件が欠けている。整えたうえで回答を更新し、ブリーフを再生成する。",
    },
    "verdict.go-with-conditions.explain": {
        "en": "Go ahead, provided the conditions below are in place before launch.",
        "ja": "以下の条件をリリース前に満たすことを前提に、進めてよい。",
    },
    "verdict.go.explain": {
        "en": "No blocker, missing prerequisite or condition was found. Keep the notes in mind.",
        "ja": "ブロッカー・前提条件の不足・条件は見つからなかった。注記には留意する。",
    },
    # -- outcomes ----------------------------------------------------------------------------
    "outcome.blocker": {"en": "Blocker", "ja": "ブロッカー"},
    "outcome.not-needed": {"en": "ML not needed", "ja": "ML 不要"},
    "outcome.prerequisite": {"en": "Missing prerequisite", "ja": "前提条件の不足"},
    "outcome.condition": {"en": "Condition", "ja": "条件"},
    "outcome.note": {"en": "Note", "ja": "注記"},
    "outcome.blocker.plural": {"en": "Blockers", "ja": "ブロッカー"},
    "outcome.not-needed.plural": {"en": "ML not needed", "ja": "ML 不要"},
    "outcome.prerequisite.plural": {"en": "Missing prerequisites", "ja": "前提条件の不足"},
    "outcome.condition.plural": {"en": "Conditions", "ja": "条件"},
    "outcome.note.plural": {"en": "Notes", "ja": "注記"},
    "outcome.blocker.action": {"en": "To lift it", "ja": "解消するには"},
    "outcome.not-needed.action": {"en": "Instead", "ja": "代わりに"},
    "outcome.prerequisite.action": {"en": "To get ready", "ja": "準備するには"},
    "outcome.condition.action": {"en": "Mitigation", "ja": "対策"},
    "outcome.note.action": {"en": "Suggestion", "ja": "提案"},
    # -- values ------------------------------------------------------------------------------
    "value.yes": {"en": "Yes", "ja": "はい"},
    "value.no": {"en": "No", "ja": "いいえ"},
    "value.unsure": {"en": "Not sure", "ja": "わからない"},
    "value.none": {"en": "(no answer)", "ja": "（未回答）"},
    "value.not_asked": {"en": "(not asked)", "ja": "（質問対象外）"},
    # -- punctuation: Japanese uses full-width marks and 「」 quotes --------------------------
    "p.field": {"en": "**{label}:** ", "ja": "**{label}**："},
    "p.labelled": {"en": "{label}: {text}", "ja": "{label}：{text}"},
    "p.quoted": {"en": "“{text}”", "ja": "「{text}」"},
    "p.paren": {"en": " ({text})", "ja": "（{text}）"},
    "p.sep": {"en": "; ", "ja": "／"},
    "p.comma": {"en": ", ", "ja": "、"},
    "p.bullet": {"en": "- ", "ja": "・"},
    # -- brief -------------------------------------------------------------------------------
    "brief.title": {"en": "{feature} — ML design brief", "ja": "{feature} — ML 設計ブリーフ"},
    "brief.recommendation": {"en": "Recommendation", "ja": "推奨"},
    "brief.owner": {"en": "Owner", "ja": "オーナー"},
    "brief.decision": {"en": "Team decision", "ja": "チームの決定"},
    "brief.review_by": {"en": "Review by", "ja": "見直し期限"},
    "brief.override": {"en": "goes against the recommendation", "ja": "推奨と異なる決定"},
    "brief.override.no_rationale": {
        "en": "*No rationale recorded: add one with `mlpdm decide … --rationale`.*",
        "ja": "*理由が記録されていない。`mlpdm decide … --rationale` で追加できる。*",
    },
    "brief.superseded_by": {"en": "Superseded by", "ja": "後継："},
    "decision.draft": {"en": "draft (not decided yet)", "ja": "下書き（未決定）"},
    "decision.accepted": {"en": "accepted", "ja": "承認"},
    "decision.rejected": {"en": "rejected", "ja": "却下"},
    "decision.superseded": {"en": "superseded", "ja": "置き換え済み"},
    "brief.date": {"en": "Date", "ja": "日付"},
    "brief.questionnaire": {"en": "Questionnaire", "ja": "質問票"},
    "brief.unknown_owner": {"en": "not named", "ja": "未記入"},
    "brief.problem": {"en": "The user problem", "ja": "ユーザーの課題"},
    "brief.findings": {"en": "Findings", "ja": "所見"},
    "brief.why": {"en": "Why this verdict", "ja": "この判定の理由"},
    "brief.why.go": {
        "en": "No rule of the questionnaire raised a blocker, a missing prerequisite or a condition for these answers.",
        "ja": "これらの回答に対し、質問票のどのルールもブロッカー・前提条件の不足・条件を挙げなかった。",
    },
    "brief.other_findings": {
        "en": "Other findings: risks and mitigations",
        "ja": "その他の所見：リスクと対策",
    },
    "brief.instead": {"en": "What to build instead", "ja": "代わりに作るもの"},
    "brief.instead.approach": {
        "en": "Simpler approach named in the review",
        "ja": "レビューで挙げられた単純な方法",
    },
    "brief.instead.revisit": {"en": "When to revisit ML", "ja": "ML を再検討する時期"},
    "brief.because": {"en": "Because", "ja": "根拠となった回答"},
    "brief.checklist": {"en": "Checklist", "ja": "チェックリスト"},
    "brief.sources": {"en": "Sources", "ja": "出典"},
    "brief.metric": {"en": "Metric and KPI", "ja": "指標と KPI"},
    "brief.metric.item": {"en": "Item", "ja": "項目"},
    "brief.metric.value": {"en": "Value", "ja": "値"},
    "brief.answers": {"en": "The answers", "ja": "回答"},
    "brief.answers.by": {
        "en": "The answers, to questionnaire {id} v{version}",
        "ja": "回答（質問票 {id} v{version}）",
    },
    "brief.question": {"en": "Question", "ja": "質問"},
    "brief.answer": {"en": "Answer", "ja": "回答"},
    "brief.open_questions": {"en": "Open questions", "ja": "未解決の質問"},
    "brief.open_questions.intro": {
        "en": "Answered “not sure” or left blank. The rules treat “not sure” as the riskier answer; settle these to sharpen the verdict.",
        "ja": "「わからない」と回答した質問と、空欄の質問である。ルールは「わからない」をよりリスクの高い回答として扱うので、解決すると判定が明確になる。",
    },
    "open.unsure": {"en": "not sure", "ja": "わからない"},
    "open.blank": {"en": "no answer", "ja": "未回答"},
    "brief.open_questions.none": {
        "en": "None: every question that applies has an answer.",
        "ja": "未解決の質問はない。該当する質問にはすべて回答がある。",
    },
    "brief.next_steps": {"en": "Next steps", "ja": "次のステップ"},
    "brief.next_steps.none": {
        "en": "Nothing is required; see the notes.",
        "ja": "必須の対応はない。注記を参照のこと。",
    },
    "brief.coverage": {"en": "Checklist coverage", "ja": "チェックリストの網羅状況"},
    "brief.coverage.point": {"en": "Point", "ja": "観点"},
    "brief.coverage.questions": {"en": "Questions answered", "ja": "回答した質問"},
    "brief.coverage.findings": {"en": "Findings", "ja": "所見"},
    "brief.coverage.skipped": {"en": "— (not asked on this path)", "ja": "—（この回答経路では質問なし）"},
    "brief.footer": {
        "en": "Generated by mlpdm from {answers}. To change this brief, edit the answers (or run `mlpdm interview` again) and run `mlpdm render` on that file; do not edit the brief by hand.",
        "ja": "mlpdm が {answers} から生成した。変更するときは回答を編集し（または `mlpdm interview` を再実行し）、そのファイルに `mlpdm render` を実行する。ブリーフを直接編集しないこと。",
    },
    "brief.glossary": {"en": "Terms used", "ja": "用語"},
    "brief.details": {"en": "Details", "ja": "詳細"},
    "brief.others_moot": {
        "en": "Other findings: they matter only if ML is revisited",
        "ja": "その他の所見：ML を再検討する場合にのみ関係する",
    },
    # -- the decision card at the top of the brief --------------------------------------------
    "card.launch": {"en": "Before launch", "ja": "リリース前に必要なこと"},
    "card.more": {
        "en": "…and {count} more under Findings below.",
        "ja": "ほか {count} 件は下の「所見」にある。",
    },
    "card.change": {"en": "Smallest change to reach {verdict}", "ja": "{verdict} にするための最小の変更"},
    "card.change.note": {
        "en": "Re-evaluated by the rules: only design choices and preparations change, never facts or goals.",
        "ja": "ルールで再評価して確かめた変更である。変えるのは設計上の選択と準備だけで、事実や目標は変えない。",
    },
    "card.open_more": {"en": "{count} more below", "ja": "ほか {count} 件は下に記載"},
    "card.numbers": {"en": "Key numbers", "ja": "主な数値"},
    "card.kpi.today_target": {
        "en": "{kpi}: today {today} → target {target}",
        "ja": "{kpi}：現在 {today} → 目標 {target}",
    },
    "card.kpi.today": {
        "en": "{kpi}: today {today}, no target yet",
        "ja": "{kpi}：現在 {today}（目標は未記入）",
    },
    "card.kpi.target": {"en": "{kpi} → target {target}", "ja": "{kpi} → 目標 {target}"},
    "card.kpi.only": {"en": "{kpi} (no baseline or target yet)", "ja": "{kpi}（現在値と目標は未記入）"},
    "card.eval": {"en": "Evaluation set", "ja": "評価データ"},
    "card.eval.size": {"en": "{size} examples", "ja": "{size} 件"},
    "card.eval.needed": {
        "en": "{total} labelled items needed for ±{margin} points",
        "ja": "±{margin} ポイントにはラベル付きデータ {total} 件が必要",
    },
    "card.eval.needed.bar": {
        "en": "{total} labelled items needed for ±{margin} points and the {bar}% bar",
        "ja": "±{margin} ポイントと基準 {bar}% にはラベル付きデータ {total} 件が必要",
    },
    "card.eval.cannot": {
        "en": "no set size can show the {bar}% bar is met",
        "ja": "何件あっても基準 {bar}% を満たすとは示せない",
    },
    "card.pilot": {"en": "Pilot", "ja": "パイロット"},
    "card.pilot.result": {
        "en": "{correct} of {total} right, 95% interval [{low}%, {high}%]: {outcome}",
        "ja": "{total} 件中 {correct} 件が正解、95% 区間 [{low}%, {high}%]：{outcome}",
    },
    "card.pilot.clears": {"en": "meets the {target}% bar", "ja": "基準 {target}% を満たす"},
    "card.pilot.straddles": {
        "en": "not shown yet against the {target}% bar",
        "ja": "基準 {target}% を満たすかはまだ示せていない",
    },
    "card.pilot.below": {"en": "below the {target}% bar", "ja": "基準 {target}% に届いていない"},
    "card.pilot.no_target": {"en": "no numeric bar to compare with", "ja": "比較する数値の基準がない"},
    # The verdict's explanation at the end of the interview, in the interview's polite style
    # (the brief's own, verdict.*.explain, is in the brief's plain style; docs/japanese.md).
    "interview.explain.no-go-risk": {
        "en": "Do not build it as designed. Each blocker below says which design change would lift it.",
        "ja": "この設計のままでは作らないでください。各ブロッカーに、解消するための設計変更を示しています。",
    },
    "interview.explain.no-go-not-needed": {
        "en": "A simpler approach does the job. Build that instead; the brief says when ML would be worth revisiting.",
        "ja": "より単純な方法で目的を達成できます。そちらを作り、ML を再検討すべき時期はこのブリーフに記載しています。",
    },
    "interview.explain.not-ready": {
        "en": "Prerequisites are missing. Put them in place, update the answers and render the brief again.",
        "ja": "前提条件が欠けています。整えたうえで回答を更新し、ブリーフを再生成してください。",
    },
    "interview.explain.go-with-conditions": {
        "en": "Go ahead, provided the conditions below are in place before launch.",
        "ja": "以下の条件をリリース前に満たすことを前提に、進めてください。",
    },
    "interview.explain.go": {
        "en": "No blocker, missing prerequisite or condition was found. Keep the notes in mind.",
        "ja": "ブロッカー・前提条件の不足・条件は見つかりませんでした。注記に留意してください。",
    },
    # -- decision diagram --------------------------------------------------------------------
    "diagram.title": {"en": "Decision path", "ja": "判定の経路"},
    "diagram.start": {"en": "The feature as designed", "ja": "現在の設計の機能"},
    "diagram.gate.blocker": {"en": "Unacceptable risk?", "ja": "許容できないリスクがあるか？"},
    "diagram.gate.not-needed": {
        "en": "Could simpler software do it?",
        "ja": "より単純なソフトウェアで足りるか？",
    },
    "diagram.gate.prerequisite": {"en": "Prerequisites missing?", "ja": "前提条件が欠けているか？"},
    "diagram.gate.condition": {"en": "Conditions to meet?", "ja": "満たすべき条件があるか？"},
    # Each gate's outcome in words (the terminal's tree, the brief's arrows): a check mark or
    # a "yes" next to a question ("✓ Unacceptable risk?") reads as "yes, there is".
    "diagram.outcome.blocker.found": {"en": "Unacceptable risk found", "ja": "許容できないリスクあり"},
    "diagram.outcome.blocker.clear": {"en": "No unacceptable risk", "ja": "許容できないリスクなし"},
    "diagram.outcome.not-needed.found": {
        "en": "Simpler software would do",
        "ja": "より単純なソフトウェアで十分",
    },
    "diagram.outcome.not-needed.clear": {
        "en": "Simpler software would not do",
        "ja": "より単純なソフトウェアでは不十分",
    },
    "diagram.outcome.prerequisite.found": {"en": "Prerequisites missing", "ja": "前提条件の不足あり"},
    "diagram.outcome.prerequisite.clear": {"en": "Prerequisites in place", "ja": "前提条件の不足なし"},
    "diagram.outcome.condition.found": {"en": "Conditions to meet", "ja": "満たすべき条件あり"},
    "diagram.outcome.condition.clear": {"en": "No conditions", "ja": "満たすべき条件なし"},
    "diagram.legend": {
        "en": "Gates are checked in order of precedence; thick arrows show the path to the verdict, red gates have findings (numbered as above).",
        "ja": "ゲートは優先順に判定する。太い矢印が判定までの経路、赤いゲートは所見があることを示す（番号は上記の所見）。",
    },
    # -- what would change the verdict ---------------------------------------------------------
    "whatif.title": {"en": "What would change the verdict", "ja": "判定を変えるには"},
    "whatif.to_reach": {"en": "To reach {verdict}", "ja": "{verdict} にするには"},
    "whatif.intro": {
        "en": "Found by re-evaluating the rules with changed answers; only design choices and preparations are changed, never facts or goals.",
        "ja": "回答を変えてルールを再評価して求めた。変えるのは設計上の選択と準備だけで、事実や目標は変えない。",
    },
    "whatif.lift": {"en": "What would lift it", "ja": "解消する変更"},
    "whatif.none": {
        "en": "No change of a single design answer lifts it; see the action above.",
        "ja": "設計上の回答を 1 つ変えるだけでは解消しない。上記の対応を参照のこと。",
    },
    "whatif.give_answer": {"en": "an answer (now blank)", "ja": "回答する（現在は空欄）"},
    "whatif.decide": {"en": "a decision (any answer but “not sure”)", "ja": "決める（「わからない」以外）"},
    "whatif.at_least": {"en": "at least {value}", "ja": "{value} 以上"},
    "whatif.change": {"en": "{label}: “{new}” (now: “{old}”)", "ja": "{label}：「{new}」（現在：「{old}」）"},
    "whatif.change_open": {"en": "{label}: {new}", "ja": "{label}：{new}"},
    "whatif.change_rule": {"en": "{label}: {new} (now: “{old}”)", "ja": "{label}：{new}（現在：「{old}」）"},
    # Counts of evidence (labelled examples, right answers in a pilot) are stated as evidence to
    # gather, never as an answer to change.
    "whatif.evidence": {
        "en": "Evidence — {label}: at least {value} (now {old})",
        "ja": "根拠 — {label}：{value} 以上（現在 {old}）",
    },
    "whatif.at_most": {
        "en": "{label}: at most {value} (now {old})",
        "ja": "{label}：{value} 以下（現在 {old}）",
    },
    "whatif.evidence_of": {
        "en": "Evidence — {label}: at least {value} of {total} (now {old})",
        "ja": "根拠 — {label}：{total} 件中 {value} 以上（現在 {old}）",
    },
    # -- evaluation plan -----------------------------------------------------------------------
    "plan.title": {"en": "Evaluation plan", "ja": "評価計画"},
    "plan.metrics": {"en": "Metrics that fit this task", "ja": "このタスクに合う指標"},
    "plan.chosen": {"en": "chosen", "ja": "採用"},
    "plan.method": {"en": "How to measure it", "ja": "測り方"},
    "plan.method.classify.confusion": {
        "en": "Count hits, false alarms and misses on labelled items at the chosen threshold: precision is measured on the items flagged, recall on the items that should be.",
        "ja": "選んだしきい値で、ラベル付きデータの正しい検出・誤検知・見逃しを数える。適合率は検出したものについて、再現率は検出すべきものについて測る。",
    },
    "plan.method.multiclass.matrix": {
        "en": "With {classes} classes, label a random sample and tabulate a {classes} × {classes} confusion matrix: per-class recall and precision show which classes are confused with which; the overall rate can hide a weak class.",
        "ja": "クラスが {classes} 個あるので、無作為に抽出した標本にラベルを付け、{classes} × {classes} の混同行列を作る。クラスごとの再現率と適合率から、どのクラスがどれと混同されるかがわかる。全体の割合だけでは弱いクラスが隠れる。",
    },
    "plan.method.multiclass.small": {
        "en": "A rare class gets few items in a random sample and so a wide interval: label more of each class whose errors matter (the sizes below are per estimate, so per class where a class is checked on its own).",
        "ja": "まれなクラスは無作為抽出では件数が少なく、区間が広くなる。誤りが問題になるクラスは追加でラベルを付ける（下の件数は推定 1 つあたりなので、個別に確認するクラスごとに必要である）。",
    },
    "plan.method.extract.fields": {
        "en": "Score each field on its own (**per-field rate**: share of documents where that field is exactly right) and the whole document (**all-fields-right rate**: share of documents with every field right). The second is lower, and it is what a user who stops checking relies on.",
        "ja": "項目ごと（**項目別正解率**：その項目が完全に正しかった文書の割合）と文書全体（**全項目正解率**：すべての項目が正しかった文書の割合）の両方を測る。後者のほうが低く、確認をやめた利用者が頼るのはこちらである。",
    },
    "plan.method.extract.unit": {
        "en": "Count documents, not fields: the fields of one document fail together, so they are not independent items.",
        "ja": "項目ではなく文書を数える。同じ文書の項目はまとめて誤るので、独立した件数にはならない。",
    },
    "plan.method.search.judged": {
        "en": "Judge a sample of real queries: for each, a person marks which of the top k results are relevant (graded where it matters), and you report **recall@k** and **nDCG@k** averaged over the queries ([Järvelin & Kekäläinen 2002](https://doi.org/10.1145/582415.582418)).",
        "ja": "実際のクエリの標本を判定する。クエリごとに上位 k 件のどれが関連するかを人が判定し（必要なら段階評価で）、クエリ全体で平均した **recall@k** と **nDCG@k** を報告する（[Järvelin & Kekäläinen 2002](https://doi.org/10.1145/582415.582418)）。",
    },
    "plan.method.search.unit": {
        "en": "The unit is a judged query: the sizes below count queries, treating each as a pass or fail (a relevant result in the top k).",
        "ja": "単位は判定済みのクエリである。下の件数はクエリの数で、各クエリを合格か不合格か（上位 k 件に関連する結果があるか）として数える。",
    },
    "plan.method.forecast.backtest": {
        "en": "Backtest out of time: fit on data up to a cut-off date, forecast the period after it, and repeat for several cut-offs (a rolling origin); never shuffle across time ([Hyndman & Athanasopoulos](https://otexts.com/fpp3/tscv.html)).",
        "ja": "期間外でバックテストする。ある基準日までのデータで学習し、その後の期間を予測する。これを複数の基準日で繰り返す（ローリング・オリジン）。時間をまたいでデータを混ぜない（[Hyndman & Athanasopoulos](https://otexts.com/fpp3/tscv.html)）。",
    },
    "plan.method.forecast.segments": {
        "en": "Report **MAE** and **MAPE** for each segment and overall, against a naive forecast (the last period, or the same season last year); MAPE misleads where actual values are near zero.",
        "ja": "セグメントごとと全体で **MAE** と **MAPE** を報告し、単純な予測（前の期間、または前年の同じ季節）と比べる。実績値が 0 に近いところでは MAPE は誤解を招く。",
    },
    "plan.method.forecast.errors": {
        "en": "Report **MAE** and **MAPE** overall and for the groups that matter (products, regions), against a naive forecast (the last period, or the same season last year); MAPE misleads where actual values are near zero.",
        "ja": "全体と重要なグループ（商品、地域）ごとに **MAE** と **MAPE** を報告し、単純な予測（前の期間、または前年の同じ季節）と比べる。実績値が 0 に近いところでは MAPE は誤解を招く。",
    },
    "plan.method.forecast.no_sample": {
        "en": "A forecast is judged by the size of its errors, not by a share of right answers, so no proportion sample size applies: cover enough periods to include the seasons and events that matter.",
        "ja": "予測は正解の割合ではなく誤差の大きさで評価するので、割合の標本サイズは当てはまらない。重要な季節や出来事を含むだけの期間をカバーする。",
    },
    "plan.method.generate.rubric": {
        "en": "Rate a random sample of real outputs against a written rubric (e.g. correct, complete, right tone), with two raters on a share of them to check they agree.",
        "ja": "実際の出力から無作為に抽出した標本を、文書にしたルーブリック（例：正確、十分、適切な口調）で評価する。一部は 2 人で評価し、評価が一致するかを確かめる。",
    },
    "plan.method.generate.groundedness": {
        "en": "Check **groundedness**: the share of statements the sources support; an unsupported statement counts as wrong even when it happens to be true.",
        "ja": "**根拠性**を確かめる：情報源で裏付けられる記述の割合。裏付けのない記述は、たまたま正しくても誤りとして数える。",
    },
    "plan.method.generate.share": {
        "en": "The sizes below are for the rated share (the share of outputs rated acceptable, or grounded).",
        "ja": "下の件数は、評価した割合（許容できると評価された出力、または根拠のある出力の割合）のためのものである。",
    },
    "plan.method.converse.success": {
        "en": "Judge whole conversations, not single replies: did the user get the task done (**task success**), and where did it go wrong?",
        "ja": "個々の返答ではなく会話全体を判定する：利用者はタスクを達成できたか（**タスク達成率**）、どこでうまくいかなかったか。",
    },
    "plan.method.converse.rubric": {
        "en": "Rate a random sample of real conversations against a written rubric (e.g. correct, safe, right tone), with two raters on a share of them to check they agree.",
        "ja": "実際の会話から無作為に抽出した標本を、文書にしたルーブリック（例：正確、安全、適切な口調）で評価する。一部は 2 人で評価し、評価が一致するかを確かめる。",
    },
    "plan.method.converse.groundedness": {
        "en": "Check **groundedness**: the share of statements the sources support; an unsupported statement counts as wrong even when it happens to be true.",
        "ja": "**根拠性**を確かめる：情報源で裏付けられる記述の割合。裏付けのない記述は、たまたま正しくても誤りとして数える。",
    },
    "plan.method.converse.share": {
        "en": "The sizes below are for the rated share (the share of conversations rated a success, or grounded).",
        "ja": "下の件数は、評価した割合（成功と評価された会話、または根拠のある会話の割合）のためのものである。",
    },
    "plan.weighting": {"en": "Weighing the two errors", "ja": "2 種類の誤りの重み付け"},
    "plan.weighting.ratio.miss": {
        "en": "A miss costs about {ratio}× a false alarm, so favour **recall**.",
        "ja": "見逃し（偽陰性）は誤検知（偽陽性）の約 {ratio} 倍のコストなので、**再現率**を重視する。",
    },
    "plan.weighting.ratio.false_alarm": {
        "en": "A false alarm costs about {ratio}× a miss, so favour **precision**.",
        "ja": "誤検知（偽陽性）は見逃し（偽陰性）の約 {ratio} 倍のコストなので、**適合率**を重視する。",
    },
    "plan.weighting.equal": {
        "en": "Both errors cost about the same: a balanced F1 score fits.",
        "ja": "2 種類の誤りのコストはほぼ同じなので、バランスの取れた F1 スコアが適する。",
    },
    "plan.beta": {
        "en": "F-beta with β = √(c_FN / c_FP) = **{beta}** weighs the errors by their costs (a heuristic derived from the count form of F-beta; [SK-FB](https://scikit-learn.org/stable/modules/generated/sklearn.metrics.fbeta_score.html)).",
        "ja": "β = √(c_FN / c_FP) = **{beta}** の F-beta は誤りをコストで重み付けする（F-beta の件数形式から導いた経験則。[SK-FB](https://scikit-learn.org/stable/modules/generated/sklearn.metrics.fbeta_score.html)）。",
    },
    "plan.threshold": {
        "en": "Cost-optimal threshold p* = c_FP / (c_FP + c_FN) = **{threshold}**: flag an item when the model's calibrated probability is at least that ([Elkan 2001](https://mlanthology.org/ijcai/2001/elkan2001ijcai-foundations/); needs calibrated probabilities, otherwise tune the operating point on labelled data).",
        "ja": "コスト最適なしきい値 p* = c_FP / (c_FP + c_FN) = **{threshold}**：校正済み確率がこの値以上ならフラグを立てる（[Elkan 2001](https://mlanthology.org/ijcai/2001/elkan2001ijcai-foundations/)。確率が校正されていない場合は、ラベル付きデータで動作点を調整する）。",
    },
    "plan.sample": {"en": "How many items to label", "ja": "ラベル付けが必要な件数"},
    "plan.sample.expected.pilot": {
        "en": "Both sizes assume the rate the pilot showed: p = {expected}%.",
        "ja": "どちらの件数も、パイロットで得た割合 p = {expected}% を前提とする。",
    },
    "plan.sample.expected.assumed": {
        "en": "Both sizes assume p = {expected}%, halfway between the {bar}% bar and 100% (an assumption: a pilot above the bar replaces it with the rate it shows).",
        "ja": "どちらの件数も、基準 {bar}% と 100% の中間の p = {expected}% を前提とする（仮定である。基準を上回るパイロットがあれば、その割合に置き換わる）。",
    },
    "plan.sample.expected.worst_case": {
        "en": "With no numeric launch bar, the size assumes p = {expected}%, the worst case.",
        "ja": "数値のリリース基準がないので、最悪ケースの p = {expected}% を前提とする。",
    },
    "plan.sample.pilot_below": {
        "en": "At the pilot's rate ({pilot}%), **no evaluation set of any size can show the {bar}% bar is met**: the model must improve first. The sizes below assume it reaches {expected}%, halfway between the bar and 100%.",
        "ja": "パイロットの割合（{pilot}%）では、**評価データを何件にしても基準 {bar}% を満たすとは示せない**。先にモデルを改善する必要がある。下の件数は、基準と 100% の中間の {expected}% に達したと仮定している。",
    },
    "plan.sample.margin": {
        "en": "For a margin of ±{margin} points at 95% confidence: **{n}** per estimate, the smallest n whose Wilson interval at p is that narrow ([Brown, Cai & DasGupta 2001](https://doi.org/10.1214/ss/1009213286)). The classic formula z²·p(1−p)/e² gives {wald}, too few near 0% or 100%.",
        "ja": "信頼度 95% で誤差の幅を ±{margin} ポイントにするには、推定 1 つあたり **{n}** 件（p での Wilson 区間がその幅に収まる最小の n。[Brown, Cai & DasGupta 2001](https://doi.org/10.1214/ss/1009213286)）。従来の式 z²·p(1−p)/e² では {wald} 件になるが、0% や 100% の近くでは少なすぎる。",
    },
    "plan.sample.counts.predicted_positives": {
        "en": "These n are items the model **flagged** (predicted positives): precision is measured on them.",
        "ja": "この n はモデルが**陽性と判定した**件数である。適合率はこれで測る。",
    },
    "plan.sample.counts.actual_positives": {
        "en": "These n are **actual positives**: recall is measured on them.",
        "ja": "この n は**実際の陽性**の件数である。再現率はこれで測る。",
    },
    "plan.sample.counts.random_outputs": {
        "en": "These n are outputs drawn **at random** from real use.",
        "ja": "この n は実際の利用から**無作為に**抽出した出力の件数である。",
    },
    "plan.sample.counts.documents": {
        "en": "These n are **documents** drawn at random from real use, each scored on all its fields.",
        "ja": "この n は実際の利用から無作為に抽出した**文書**の件数で、各文書のすべての項目を採点する。",
    },
    "plan.sample.counts.queries": {
        "en": "These n are real **queries** drawn at random from the logs, each with its top k judged.",
        "ja": "この n はログから無作為に抽出した実際の**クエリ**の件数で、各クエリの上位 k 件を判定する。",
    },
    "plan.sample.prevalence": {
        "en": "At a prevalence of {prevalence}%, finding {n} positives at random means labelling about **{items}** items (n / π), unless you sample positives on purpose.",
        "ja": "陽性の割合が {prevalence}% の場合、無作為抽出で陽性を {n} 件集めるには約 **{items}** 件のラベル付けが必要である（n / π）。陽性を意図的に抽出する方法もある。",
    },
    "plan.sample.population": {
        "en": "From a pool of {population} items, the finite-population correction n' = n / (1 + (n−1)/N) lowers the size for the margin to **{items}**.",
        "ja": "母集団が {population} 件なので、有限母集団修正 n' = n / (1 + (n−1)/N) により、誤差の幅のための件数は **{items}** 件に減る。",
    },
    "plan.sample.bar": {
        "en": "To show the {bar}% bar is met: **{n}** per estimate, the smallest set whose Wilson lower bound clears the bar with {expected}% right. No set below {floor} can show it whatever the model does (z²·b/(1−b), every item right).",
        "ja": "基準 {bar}% を満たすと示すには、推定 1 つあたり **{n}** 件（正解が {expected}% のとき Wilson 区間の下限が基準を上回る最小の件数）。{floor} 件未満では、モデルがどれほど良くても示せない（z²·b/(1−b)、全件正解の場合）。",
    },
    "plan.sample.bar.prevalence": {
        "en": "Counted in actual positives: at {prevalence}% positives, about **{items}** items to label for the bar.",
        "ja": "実際の陽性で数えるので、陽性の割合が {prevalence}% なら、基準のために約 **{items}** 件のラベル付けが必要である。",
    },
    "plan.sample.bar.cannot": {
        "en": "**No evaluation set of any size can show a {bar}% bar is met**: state the bar below 100%, or as a zero-failure claim (below).",
        "ja": "**評価データを何件にしても、基準 {bar}% を満たすとは示せない**。基準を 100% 未満にするか、失敗ゼロの主張（下記）として示す。",
    },
    "plan.sample.segments": {
        "en": "Each of the {segments} groups to check needs its own sample: **{total}** items in all, the larger of the two sizes for each (or accept a wider margin for small groups, and say so).",
        "ja": "確認する {segments} グループそれぞれに標本が必要である。各グループで 2 つの件数の大きいほうをとり、合計 **{total}** 件（小さいグループで誤差の幅を広げるなら、その旨を明記する）。",
    },
    "plan.sample.total": {
        "en": "In all: **{total}** labelled items, the larger of the two sizes.",
        "ja": "合計：2 つの件数の大きいほうをとり、ラベル付きデータ **{total}** 件。",
    },
    "plan.sample.segments.margin": {
        "en": "Each of the {segments} groups to check needs its own sample: **{total}** items in all (or accept a wider margin for small groups, and say so).",
        "ja": "確認する {segments} グループそれぞれに標本が必要である。合計 **{total}** 件（小さいグループで誤差の幅を広げるなら、その旨を明記する）。",
    },
    "plan.sample.total.margin": {
        "en": "In all: **{total}** labelled items.",
        "ja": "合計：ラベル付きデータ **{total}** 件。",
    },
    "plan.sample.have.enough": {
        "en": "The planned evaluation set ({have}) is large enough for the margin.",
        "ja": "予定している評価データ（{have} 件）で、誤差の幅には足りる。",
    },
    "plan.sample.have.enough.both": {
        "en": "The planned evaluation set ({have}) is large enough for both the margin and the bar.",
        "ja": "予定している評価データ（{have} 件）で、誤差の幅にも基準にも足りる。",
    },
    "plan.sample.have.cannot": {
        "en": "The planned evaluation set ({have}) cannot show the bar is met, since no set can.",
        "ja": "どの件数でも示せないので、予定している評価データ（{have} 件）でも基準を満たすとは示せない。",
    },
    "plan.sample.have.short.margin": {
        "en": "The planned evaluation set ({have}) is **too small for the margin**: {missing} more needed.",
        "ja": "予定している評価データ（{have} 件）では**誤差の幅に対して不足**である。あと {missing} 件必要である。",
    },
    "plan.sample.have.short.bar": {
        "en": "The planned evaluation set ({have}) is enough for the margin but **too small to show the bar is met**: {missing} more needed.",
        "ja": "予定している評価データ（{have} 件）は誤差の幅には足りるが、**基準を満たすと示すには不足**である。あと {missing} 件必要である。",
    },
    "plan.sample.have.short.both": {
        "en": "The planned evaluation set ({have}) is **too small** for both the margin and the bar: {missing} more needed.",
        "ja": "予定している評価データ（{have} 件）では誤差の幅にも基準にも**不足**である。あと {missing} 件必要である。",
    },
    "plan.bars": {"en": "The three bars", "ja": "3 つの基準"},
    "plan.bars.which": {"en": "Bar", "ja": "基準"},
    "plan.bars.typed": {"en": "As stated", "ja": "記入内容"},
    "plan.bars.rate": {"en": "Rate it names", "ja": "読み取った割合"},
    "plan.bars.bar": {"en": "Launch bar", "ja": "リリース基準"},
    "plan.bars.gate": {"en": "Stage gate", "ja": "段階のゲート"},
    "plan.bars.failure": {"en": "Stop or roll back if", "ja": "中止・ロールバックの条件"},
    "plan.bars.percent": {"en": "{value}%", "ja": "{value}%"},
    "plan.bars.failure_above_bar": {
        "en": "⚠ **The bars contradict each other**: the failure criterion stops below {failure}%, above the {bar}% launch bar, so a model that just meets the bar would already be stopped. Raise the bar or lower the failure criterion.",
        "ja": "⚠ **基準どうしが矛盾している**：失敗の基準は {failure}% を下回ると中止するが、これはリリース基準 {bar}% より高い。基準をぎりぎり満たすモデルはすでに中止の対象になる。リリース基準を上げるか、失敗の基準を下げる。",
    },
    "plan.bars.gate_below_failure": {
        "en": "⚠ **The bars contradict each other**: the stage gate lets a stage pass at {gate}%, below the failure criterion's {failure}%, so a stage could pass while the feature should be stopped. Raise the gate to at least {failure}%.",
        "ja": "⚠ **基準どうしが矛盾している**：段階のゲートは {gate}% で次へ進めるが、これは失敗の基準 {failure}% より低い。中止すべき状態で段階を通過しうる。ゲートを {failure}% 以上に上げる。",
    },
    "plan.launch": {"en": "Pilot result against the launch bar", "ja": "パイロット結果とリリース基準"},
    "plan.launch.result": {
        "en": "{correct} of {total} right = {rate}%; 95% Wilson interval **[{low}%, {high}%]** ([Brown, Cai & DasGupta 2001](https://doi.org/10.1214/ss/1009213286)).",
        "ja": "{total} 件中 {correct} 件が正解 = {rate}%。95% Wilson 区間 **[{low}%, {high}%]**（[Brown, Cai & DasGupta 2001](https://doi.org/10.1214/ss/1009213286)）。",
    },
    "plan.launch.clears": {
        "en": "The lower bound clears the {target}% bar: **meets the bar**.",
        "ja": "下限が基準 {target}% を上回っている：**基準を満たす**。",
    },
    "plan.launch.straddles": {
        "en": "The interval straddles the {target}% bar: **not shown yet**; evaluate more.",
        "ja": "区間が基準 {target}% をまたいでいる：**まだ示せていない**。評価を増やす。",
    },
    "plan.launch.below": {
        "en": "Even the upper bound is below the {target}% bar: **below the bar**.",
        "ja": "上限でも基準 {target}% を下回っている：**基準未達**である。",
    },
    "plan.launch.no_target": {
        "en": "No numeric launch bar was given to compare with.",
        "ja": "比較する数値のリリース基準がない。",
    },
    "plan.zero": {
        "en": "Rare harmful outputs: with none seen, claiming a rate below 1% takes {one} independent outputs, below 0.1% takes {tenth} (the rule of three, ≈ 3/n; [Hanley & Lippman-Hand 1983](https://doi.org/10.1001/jama.1983.03330370053031)).",
        "ja": "まれな有害出力：1 件も観測されない場合、発生率 1% 未満と言うには独立した出力 {one} 件、0.1% 未満なら {tenth} 件が必要である（3 の法則、≈ 3/n。[Hanley & Lippman-Hand 1983](https://doi.org/10.1001/jama.1983.03330370053031)）。",
    },
    "plan.kpi": {"en": "KPI link", "ja": "KPI との結びつき"},
    "plan.kpi.kpi": {"en": "KPI", "ja": "KPI"},
    "plan.kpi.today": {"en": "Today", "ja": "現在"},
    "plan.kpi.target": {"en": "Target and date", "ja": "目標と期限"},
    "plan.kpi.measured": {"en": "Measured after launch by", "ja": "リリース後の測定方法"},
    "plan.kpi.metric": {"en": "Model metric", "ja": "モデル指標"},
    "plan.kpi.bar": {"en": "Launch bar", "ja": "リリース基準"},
    "plan.kpi.failure": {"en": "Stop or roll back if", "ja": "中止・ロールバックの条件"},
    "plan.kpi.missing": {"en": "not stated", "ja": "未記入"},
    "metric.precision": {
        "en": "Precision — of the items flagged, the share that were right",
        "ja": "適合率 — 陽性と判定したもののうち、正しかった割合",
    },
    "metric.recall": {
        "en": "Recall — of the items that should be flagged, the share caught",
        "ja": "再現率 — 陽性であるべきもののうち、検出できた割合",
    },
    "metric.f_beta": {
        "en": "F-beta — one number weighing precision and recall by the costs of the two errors",
        "ja": "F-beta — 2 種類の誤りのコストで適合率と再現率を重み付けした 1 つの数値",
    },
    "metric.pr_auc": {
        "en": "PR-AUC — how well precision holds up as recall rises, across all thresholds",
        "ja": "PR-AUC — すべてのしきい値で、再現率を上げたときに適合率がどれだけ保たれるか",
    },
    "metric.field_exact": {
        "en": "Field exact match — share of fields extracted exactly right",
        "ja": "フィールド完全一致率 — 正確に抽出できたフィールドの割合",
    },
    "metric.field_f1": {
        "en": "Field-level F1 — balance of wrong fields and missed fields",
        "ja": "フィールド単位の F1 — 誤抽出と抽出漏れのバランス",
    },
    "metric.wer": {
        "en": "Word error rate — share of words wrong in a transcription (lower is better)",
        "ja": "単語誤り率（WER）— 文字起こしで誤った単語の割合（低いほど良い）",
    },
    "metric.rubric": {
        "en": "Human rating against a rubric — people score outputs on agreed criteria",
        "ja": "ルーブリックによる人手評価 — 合意した基準で人が出力を採点",
    },
    "metric.groundedness": {
        "en": "Groundedness — share of statements supported by the given sources (the rest are hallucinations)",
        "ja": "根拠性 — 与えた情報源で裏付けられる記述の割合（残りはハルシネーション）",
    },
    "metric.acceptance": {
        "en": "Acceptance or edit rate — share of outputs used as they are, or with small edits",
        "ja": "採用率・編集率 — そのまま、または軽い修正で使われた出力の割合",
    },
    "metric.task_success": {
        "en": "Task success rate — share of conversations where the user got what they came for",
        "ja": "タスク成功率 — ユーザーが目的を達成できた会話の割合",
    },
    "metric.recall_at_k": {
        "en": "Recall@k — share of relevant items found in the top k results",
        "ja": "Recall@k — 上位 k 件に含まれた関連アイテムの割合",
    },
    "metric.ndcg": {
        "en": "nDCG — whether the most relevant results come first",
        "ja": "nDCG — 関連性の高い結果が上位に来ているか",
    },
    "metric.mrr": {
        "en": "MRR — how high the first right answer ranks, on average",
        "ja": "MRR — 最初の正解が平均で何位に現れるか",
    },
    "metric.mae": {
        "en": "MAE — the average size of a forecast's error, in the forecast's unit",
        "ja": "MAE — 予測誤差の平均の大きさ（予測と同じ単位）",
    },
    "metric.mape": {
        "en": "MAPE — the average error as a percentage of the true value",
        "ja": "MAPE — 真値に対する誤差の平均割合",
    },
    # -- portfolio index -----------------------------------------------------------------------
    "index.title": {"en": "ML feature briefs", "ja": "ML 機能ブリーフ一覧"},
    "index.intro": {
        "en": "{total} brief(s), each rendered from its answers file by mlpdm.",
        "ja": "ブリーフ {total} 件。いずれも回答ファイルから mlpdm が生成しました。",
    },
    "index.verdict": {"en": "Recommendation", "ja": "推奨"},
    "index.count": {"en": "Briefs", "ja": "件数"},
    "index.pie": {"en": "Recommendations", "ja": "推奨の内訳"},
    "index.feature": {"en": "Feature", "ja": "機能"},
    "index.reason": {"en": "Top reason", "ja": "主な理由"},
    "index.footer": {
        "en": "Generated by `mlpdm index`; `mlpdm check` reports when it is out of date. Do not edit by hand.",
        "ja": "`mlpdm index` が生成しました。古くなると `mlpdm check` が報告します。直接編集しないでください。",
    },
    # -- interview ---------------------------------------------------------------------------
    "interview.intro.title": {"en": "mlpdm — ML design review", "ja": "mlpdm — ML 設計レビュー"},
    "interview.intro.body": {
        "en": (
            "You will answer {count} questions to start with, in {sections} short sections: the user "
            "problem, whether ML is needed at all, errors and harm, metric and KPI, evaluation data, "
            "fairness, privacy and regulation, and rollout. Some answers bring follow-up questions; the "
            "bar above each question shows how many are left. With the facts at hand it takes 30–45 "
            "minutes. At the end you review every answer, then mlpdm writes a design brief with a "
            "go/no-go recommendation.\n\n"
            "  ?        why a question matters (and what its terms mean)\n"
            "  <        go back to the previous question\n"
            "  Enter    keep the answer shown in [brackets], or skip an optional question\n"
            "  Ctrl-C   stop; every answer is already saved, and running the same command resumes"
        ),
        "ja": (
            "{sections} の短いセクションで、まず {count} 問に答えます：ユーザーの課題、そもそも ML が必要か、"
            "誤りと害、指標と KPI、評価データ、公平性、プライバシーと規制、リリース。回答によっては追加の質問があり、"
            "各質問の上のバーで残りの数がわかります。事実が手元にそろっていれば、所要時間は 30〜45 分です。"
            "最後にすべての回答を確認すると、mlpdm が GO / NO-GO の推奨つきの設計ブリーフを書き出します。\n\n"
            "  ?        その質問が重要な理由（用語の説明つき）\n"
            "  <        前の質問に戻る\n"
            "  Enter    [ ] 内の回答のまま進む、または任意の質問をとばす\n"
            "  Ctrl-C   中断（回答は都度保存済み。同じコマンドで再開できます）"
        ),
    },
    "interview.feature_prompt": {"en": "Feature name", "ja": "機能の名前"},
    "interview.owner_prompt": {
        "en": "Your name or team (owner of this brief)",
        "ja": "あなたの名前またはチーム（このブリーフのオーナー）",
    },
    "interview.resume": {
        "en": "An unfinished interview for “{feature}” was found ({answered} answers, saved in {path}). Resume it?",
        "ja": "「{feature}」の中断したインタビューがあります（回答 {answered} 件、{path} に保存）。再開しますか？",
    },
    "interview.revise": {
        "en": "“{feature}” already has answers ({path}). Revise them? Your answers are offered as defaults.",
        "ja": "「{feature}」にはすでに回答があります（{path}）。修正しますか？既存の回答が初期値になります。",
    },
    "interview.untranslated": {
        "en": "Questionnaire '{questionnaire}' is not fully translated into this language; untranslated texts are shown in English.",
        "ja": "質問票 '{questionnaire}' は日本語に完全には翻訳されていません。未翻訳の文は英語で表示します。",
    },
    "interview.fresh_start": {
        "en": "Starting from scratch; the unfinished answers will be replaced.",
        "ja": "最初からやり直します。中断中の回答は置き換えられます。",
    },
    "interview.resumed": {
        "en": "Resuming at question {number} of {total}.",
        "ja": "{total} 問中 {number} 問目から再開します。",
    },
    "interview.section": {"en": "Section {number} of {count}", "ja": "セクション {number} / {count}"},
    "interview.question": {"en": "Question {number} of {count}", "ja": "質問 {number} / {count}"},
    "interview.progress": {
        "en": "{answered} of {total} answered",
        "ja": "{total} 問中 {answered} 問回答済み",
    },
    "interview.hint.choice": {
        "en": "Type a number or the option's name.",
        "ja": "番号か選択肢の名前を入力してください。",
    },
    "interview.hint.multi": {
        "en": "Type one or more numbers, e.g. 1,3 or 1-3.",
        "ja": "番号を 1 つ以上入力してください（例：1,3 や 1-3）。",
    },
    "interview.hint.yesno": {"en": "y = yes, n = no", "ja": "y = はい、n = いいえ"},
    "interview.hint.yesno_unsure": {
        "en": "y = yes, n = no, u = not sure",
        "ja": "y = はい、n = いいえ、u = わからない",
    },
    "interview.hint.number": {"en": "A number", "ja": "数値"},
    "interview.hint.number_bounds": {
        "en": "A number from {min} to {max}",
        "ja": "{min} から {max} までの数値",
    },
    "interview.hint.number_min": {"en": "A number, at least {min}", "ja": "{min} 以上の数値"},
    "interview.hint.longtext": {
        "en": "Several lines allowed; finish with an empty line.",
        "ja": "複数行で入力できます。空行で終了します。",
    },
    "interview.hint.list": {
        "en": "One item per line; finish with an empty line.",
        "ja": "1 行に 1 項目。空行で終了します。",
    },
    "interview.hint.optional": {
        "en": "optional: Enter skips, - clears",
        "ja": "任意：Enter でとばす、- で消去",
    },
    "interview.hint.optional_default": {
        "en": "optional: Enter keeps the default, - clears",
        "ja": "任意：Enter で初期値のまま、- で消去",
    },
    "interview.hint.optional_kept": {
        "en": "optional: Enter keeps your answer, - clears",
        "ja": "任意：Enter で今の回答のまま、- で消去",
    },
    "interview.hint.keys": {"en": "? why this matters · < back", "ja": "? 重要な理由 · < 戻る"},
    "interview.example": {"en": "Example: {example}", "ja": "例：{example}"},
    "interview.current": {"en": "current answer", "ja": "現在の回答"},
    "interview.help.title": {"en": "Why this matters", "ja": "この質問が重要な理由"},
    "interview.help.points": {"en": "Checklist: {points}", "ja": "チェックリスト：{points}"},
    "interview.help.terms": {"en": "Terms", "ja": "用語"},
    "interview.at_start": {"en": "This is the first question.", "ja": "これが最初の質問です。"},
    "interview.invalid": {"en": "Not accepted: {reason}", "ja": "受け付けられません：{reason}"},
    "interview.review.title": {"en": "Review your answers", "ja": "回答の確認"},
    "interview.review.prompt": {
        "en": "Type a number to change that answer, or press Enter to write the brief",
        "ja": "変更する回答の番号を入力するか、Enter でブリーフを書き出します",
    },
    "interview.review.bad_number": {
        "en": "“{number}” is not an answer number; type 1-{count}, or press Enter to write the brief.",
        "ja": "「{number}」は回答の番号ではありません。1〜{count} を入力するか、Enter でブリーフを書き出してください。",
    },
    "interview.saved_draft": {
        "en": "Answers so far are saved in {path}.",
        "ja": "ここまでの回答は {path} に保存されています。",
    },
    "interview.resume_hint": {
        "en": "To resume, run: {command}",
        "ja": "再開するには次を実行してください：{command}",
    },
    "interview.interrupted": {
        "en": "Interview stopped ({reason}).",
        "ja": "インタビューを中断しました（{reason}）。",
    },
    "interview.reason.interrupt": {"en": "Ctrl-C", "ja": "Ctrl-C"},
    "interview.reason.eof": {"en": "end of input", "ja": "入力の終わり"},
    "interview.reason.terminate": {"en": "terminated", "ja": "終了シグナル"},
    "interview.reason.hangup": {"en": "terminal closed", "ja": "端末が閉じられました"},
    "interview.written": {"en": "Wrote {path}", "ja": "{path} を書き出しました"},
    "interview.review_sooner": {
        "en": "Review by {date} (sooner than usual: {reason}).",
        "ja": "見直し期限は {date} です（{reason}ため、通常より早めています）。",
    },
    "interview.move": {
        "en": "Moving {path} from questionnaire {made} onto {team} (version {version}), which extends it: every answer that still applies is kept.",
        "ja": "{path} を質問票 {made} から、それを拡張した {team}（バージョン {version}）へ移します。今も当てはまる回答はすべて引き継ぎます。",
    },
    "interview.move_again": {
        "en": "These answers no longer fit the new questions and are asked again: {ids}",
        "ja": "次の回答は新しい質問に合わなくなったため、もう一度尋ねます：{ids}",
    },
    "interview.update": {
        "en": "Updating “{feature}” to the current questionnaire: {new} new and {changed} changed question(s).",
        "ja": "「{feature}」を現在の質問票に更新します：新しい質問 {new} 件、変更された質問 {changed} 件。",
    },
    "interview.replaced": {"en": "(replaced the previous version)", "ja": "（以前の版を置き換えました）"},
    "interview.top_reasons": {"en": "Top reasons", "ja": "主な理由"},
    "interview.more_findings": {
        "en": "…and {count} more finding(s) in the brief.",
        "ja": "…ほか {count} 件の所見がブリーフにあります。",
    },
    "interview.no_findings": {"en": "No findings.", "ja": "所見はありません。"},
    "interview.next": {
        "en": "Next: read the brief, share it for review, and re-render after edits with {command}",
        "ja": "次に：ブリーフを読んでレビューに回し、編集後は {command} で再生成してください",
    },
    "interview.confirm_yes": {"en": "y", "ja": "y"},
    "interview.yes_no": {"en": "[y/n]", "ja": "[y/n]"},
    # -- answers that do not fit ----------------------------------------------------------------
    "answer.expected_text": {
        "en": "expected text, got {got}",
        "ja": "テキストを入力してください（{got} が指定されています）",
    },
    "answer.too_long": {
        "en": "the text is {length} characters long; the limit is {limit}",
        "ja": "テキストが {length} 文字あります。上限は {limit} 文字です",
    },
    "answer.expected_one_of": {
        "en": "expected one of {allowed}, got {got}",
        "ja": "{allowed} のいずれかを指定してください（{got} が指定されています）",
    },
    "answer.not_a_choice": {
        "en": "{value} is not one of the choices ({allowed})",
        "ja": "{value} は選択肢（{allowed}）にありません",
    },
    "answer.expected_choices": {
        "en": "expected a list of choices, got {got}",
        "ja": "選択肢のリストを指定してください（{got} が指定されています）",
    },
    "answer.not_choices": {
        "en": "{values} not among the choices ({allowed})",
        "ja": "{values} は選択肢（{allowed}）にありません",
    },
    "answer.exclusive": {
        "en": "“{value}” cannot be combined with other choices",
        "ja": "「{value}」は他の選択肢と組み合わせられません",
    },
    "answer.choose_one": {"en": "choose at least one option", "ja": "少なくとも 1 つ選んでください"},
    "answer.expected_number": {
        "en": "expected a number, got {got}",
        "ja": "数値を入力してください（{got} が指定されています）",
    },
    "answer.finite": {"en": "expected a finite number", "ja": "有限の数値を入力してください"},
    "answer.whole_number": {
        "en": "expected a whole number, got {value}",
        "ja": "整数を入力してください（{value} が指定されています）",
    },
    "answer.at_least": {"en": "must be at least {min}", "ja": "{min} 以上にしてください"},
    "answer.at_most": {"en": "must be at most {max}", "ja": "{max} 以下にしてください"},
    "answer.not_a_number": {"en": "{value} is not a number", "ja": "{value} は数値ではありません"},
    "answer.expected_items": {
        "en": "expected a list of items, got {got}",
        "ja": "項目のリストを指定してください（{got} が指定されています）",
    },
    "answer.item_text": {
        "en": "each item must be text, got {got}",
        "ja": "各項目はテキストにしてください（{got} が指定されています）",
    },
    "answer.item_too_long": {
        "en": "an item is {length} characters long; the limit is {limit}",
        "ja": "項目が {length} 文字あります。上限は {limit} 文字です",
    },
    "answer.at_most_answer": {
        "en": "must be at most {max}, your answer to “{other}”",
        "ja": "「{other}」への回答である {max} 以下にしてください",
    },
    "answer.needed": {
        "en": "an answer is needed here (type ? to see why it matters)",
        "ja": "この質問には回答が必要です（? で理由を表示）",
    },
    "answer.cannot_clear": {
        "en": "this question needs an answer; it cannot be left blank",
        "ja": "この質問は必須のため、空欄にはできません",
    },
    "answer.yes_no": {
        "en": "please answer yes or no (y / n)",
        "ja": "「はい」か「いいえ」で答えてください（y / n）",
    },
    "answer.yes_no_unsure": {
        "en": "please answer yes or no or not sure (y / n / u)",
        "ja": "「はい」「いいえ」「わからない」のいずれかで答えてください（y / n / u）",
    },
    "answer.choose_number": {
        "en": "“{value}” is not one of the choices; type its number (1-{count}) or the start of its name",
        "ja": "「{value}」は選択肢にありません。番号（1〜{count}）か、選択肢の名前の最初の部分を入力してください",
    },
    "answer.choose_numbers": {
        "en": "“{value}” is not one of the choices; type numbers such as 1,3 or 1-3, or the start of each name",
        "ja": "「{value}」は選択肢にありません。1,3 や 1-3 のような番号か、選択肢の名前の最初の部分を入力してください",
    },
    "answer.ambiguous": {
        "en": "“{value}” could be {choices}; type more of the name, or its number",
        "ja": "「{value}」に当てはまる選択肢が複数あります（{choices}）。名前をもう少し入力するか、番号を入力してください",
    },
    "answer.range": {
        "en": "the range {range} is outside 1-{count}",
        "ja": "範囲 {range} が 1〜{count} の外です",
    },
    # -- errors ------------------------------------------------------------------------------
    "error.label": {"en": "Error", "ja": "エラー"},
    "error.hint": {"en": "Hint", "ja": "ヒント"},
    "error.too_big": {
        "en": "{path} is {size} bytes; such files are limited to {limit} bytes",
        "ja": "{path} は {size} バイトあります。このファイルの上限は {limit} バイトです",
    },
    "error.too_big.hint": {
        "en": "Check that this is the file you meant.",
        "ja": "指定したファイルが正しいか確認してください。",
    },
    "error.no_answers_file": {
        "en": "{path}: no such answers file",
        "ja": "{path}：回答ファイルが見つかりません",
    },
    "error.no_answers_file.hint": {
        "en": "Check the path (it is relative to the current directory).",
        "ja": "パスを確認してください（現在のディレクトリからの相対パスです）。",
    },
    "error.no_data_file": {
        "en": "{path}: no such file of answers to prefill",
        "ja": "{path}：読み込む回答のファイルが見つかりません",
    },
    "error.no_data_file.hint": {
        "en": "Check the path given to --data (it is relative to the current directory).",
        "ja": "--data に指定したパスを確認してください（現在のディレクトリからの相対パスです）。",
    },
    "error.no_brief_file": {
        "en": "{path} does not exist (any more)",
        "ja": "{path} は（もう）存在しません",
    },
    "error.no_brief_file.hint": {
        "en": "Run the command again; `mlpdm check --fix` writes a missing brief.",
        "ja": "もう一度実行してください。`mlpdm check --fix` は欠けているブリーフを書き出します。",
    },
    "error.no_index_file": {"en": "{path}: the index is gone", "ja": "{path}：一覧ページがなくなっています"},
    "error.no_questionnaire_file": {
        "en": "{path}: no such questionnaire file",
        "ja": "{path}：質問票ファイルが見つかりません",
    },
    "error.no_questionnaire_file.hint": {
        "en": "Check the path (it is relative to the current directory).",
        "ja": "パスを確認してください（現在のディレクトリからの相対パスです）。",
    },
    "error.is_a_directory": {
        "en": "{path} is a directory, not a file",
        "ja": "{path} はファイルではなくディレクトリです",
    },
    "error.read_denied": {
        "en": "{path}: permission denied while reading the file",
        "ja": "{path}：読み取る権限がありません",
    },
    "error.read_denied.hint": {
        "en": "Check the file's permissions.",
        "ja": "ファイルの権限を確認してください。",
    },
    "error.not_utf8": {
        "en": "{path}:{line}: not UTF-8 text: the byte at offset {byte} ({value}) cannot be read; expected UTF-8",
        "ja": "{path}:{line}：UTF-8 のテキストではありません。オフセット {byte} のバイト（{value}）を読めません。UTF-8 で保存されている必要があります",
    },
    "error.not_utf8.hint": {
        "en": "Save the file as UTF-8 (most editors offer it under 'Save with encoding').",
        "ja": "ファイルを UTF-8 で保存し直してください（多くのエディタでは「エンコーディングを指定して保存」にあります）。",
    },
    "error.cannot_read": {
        "en": "{path}: cannot read the file: {reason}",
        "ja": "{path}：ファイルを読めません：{reason}",
    },
    "error.yaml_syntax": {"en": "{place}: {problem}", "ja": "{place}：YAML の構文エラー（{problem}）"},
    "error.yaml_syntax.hint": {
        "en": "Check indentation and quoting on that line; text with ':' or '#' needs quotes.",
        "ja": "その行のインデントと引用符を確認してください。「:」や「#」を含むテキストは引用符で囲みます。",
    },
    "error.yaml_tag": {"en": "{place}: {problem}", "ja": "{place}：使えないタグがあります（{problem}）"},
    "error.yaml_tag.hint": {
        "en": "Only plain YAML is accepted: remove tags such as !!python/object.",
        "ja": "使えるのはプレーンな YAML だけです。!!python/object などのタグを削除してください。",
    },
    "error.yaml_not_int": {
        "en": "{place}: {value} is tagged !!int but is not a whole number",
        "ja": "{place}：{value} には !!int が付いていますが、整数ではありません",
    },
    "error.yaml_not_int.hint": {
        "en": "Remove the tag, or write a whole number such as 42.",
        "ja": "タグを削除するか、42 のような整数を書いてください。",
    },
    "error.yaml_not_float": {
        "en": "{place}: {value} is tagged !!float but is not a number",
        "ja": "{place}：{value} には !!float が付いていますが、数値ではありません",
    },
    "error.yaml_not_float.hint": {
        "en": "Remove the tag, or write a number such as 3.5.",
        "ja": "タグを削除するか、3.5 のような数値を書いてください。",
    },
    "error.yaml_not_bool": {
        "en": "{place}: {value} is tagged !!bool but is not true or false",
        "ja": "{place}：{value} には !!bool が付いていますが、true でも false でもありません",
    },
    "error.yaml_not_bool.hint": {
        "en": "Remove the tag, or write true or false (a yes/no question also takes yes, no or unsure).",
        "ja": "タグを削除するか、true または false を書いてください（はい／いいえの質問には yes、no、unsure も使えます）。",
    },
    "error.yaml_not_date": {
        "en": "{place}: {value} is tagged !!timestamp but is not a date",
        "ja": "{place}：{value} には !!timestamp が付いていますが、日付ではありません",
    },
    "error.yaml_not_date.hint": {
        "en": "Remove the tag: dates are written as text such as 2026-01-31, and mlpdm checks them.",
        "ja": "タグを削除してください。日付は 2026-01-31 のようなテキストで書き、mlpdm が確認します。",
    },
    "error.yaml_huge_int": {
        "en": "{place}: a whole number of {digits} digits is longer than mlpdm reads (at most {limit} digits)",
        "ja": "{place}：{digits} 桁の整数は長すぎて読めません（最大 {limit} 桁）",
    },
    "error.yaml_huge_int.hint": {
        "en": "Write a realistic number, or put quotes around it if it is meant as text.",
        "ja": "現実的な数値にするか、テキストのつもりなら引用符で囲んでください。",
    },
    "error.yaml_bad_value": {
        "en": "{place}: {value} cannot be read as {tag}",
        "ja": "{place}：{value} は {tag} として読めません",
    },
    "error.yaml_bad_value.hint": {
        "en": "Remove the tag (the text after !!) or correct the value.",
        "ja": "タグ（!! の後の部分）を削除するか、値を直してください。",
    },
    "error.yaml_duplicate_key": {
        "en": "{place}: the key {key} appears twice in the same mapping, on lines {first} and {second}",
        "ja": "{place}：同じマッピングにキー {key} が 2 回あります（{first} 行目と {second} 行目）",
    },
    "error.yaml_duplicate_key.hint": {
        "en": "Keep one of the two (YAML would otherwise silently use the last one); merge their values if both matter.",
        "ja": "どちらか一方だけを残してください（そのままでは YAML は黙って後の値を使います）。両方の内容が必要ならまとめてください。",
    },
    "error.yaml_unclosed_quote": {
        "en": "{place}: a quote opens here and is never closed (the parser reached line {end} looking for it)",
        "ja": "{place}：ここで開いた引用符が閉じられていません（{end} 行目まで探しました）",
    },
    "error.yaml_unclosed_quote.hint": {
        "en": "Add the closing quote (\" or ') on that line; a quote inside the text is written twice ('') or escaped (\\\").",
        "ja": "その行に閉じる引用符（\" または '）を加えてください。テキスト中の引用符は 2 つ重ねる（''）かエスケープ（\\\"）します。",
    },
    "error.yaml_quote_spans": {
        "en": "{place}: a quote opens here and closes only on line {end}, at the next quote; the parser "
        "then failed on line {error}, so this quote is probably missing its end",
        "ja": "{place}：ここで開いた引用符が {end} 行目の次の引用符まで閉じていません。その後 {error} 行目で"
        "解析に失敗したので、この引用符の閉じ忘れと思われます",
    },
    "error.yaml_quote_spans.hint": {
        "en": "Close the quote on that line; text that really spans lines is clearer as a block (key: |).",
        "ja": "その行で引用符を閉じてください。本当に複数行のテキストはブロック（key: |）で書くとわかりやすくなります。",
    },
    "error.yaml_unclosed_bracket": {
        "en": "{place}: a '[' opens here and is never closed (the parser reached line {end} looking for ']')",
        "ja": "{place}：ここで開いた「[」が閉じられていません（{end} 行目まで「]」を探しました）",
    },
    "error.yaml_unclosed_bracket.hint": {
        "en": "Add the closing ']' and check the commas between the items.",
        "ja": "閉じる「]」を加え、項目の間のカンマを確認してください。",
    },
    "error.yaml_unclosed_brace": {
        "en": "{place}: a '{{' opens here and is never closed (the parser reached line {end} looking for '}}')",
        "ja": "{place}：ここで開いた「{{」が閉じられていません（{end} 行目まで「}}」を探しました）",
    },
    "error.yaml_unclosed_brace.hint": {
        "en": "Add the closing '}}' and check the commas between the entries.",
        "ja": "閉じる「}}」を加え、項目の間のカンマを確認してください。",
    },
    "error.yaml_too_big": {
        "en": "{place}: {problem}",
        "ja": "{place}：大きすぎるか、入れ子が深すぎます（{problem}）",
    },
    "error.yaml_too_big.hint": {
        "en": "Answers and questionnaires are small, flat files; this one is probably not one.",
        "ja": "回答ファイルや質問票は小さく平坦なファイルです。別のファイルではないか確認してください。",
    },
    "error.symlink": {
        "en": "{path} is a symbolic link; mlpdm does not write through links",
        "ja": "{path} はシンボリックリンクです。mlpdm はリンク先には書き込みません",
    },
    "error.symlink.hint": {
        "en": "Replace the link with a regular file (or remove it), then run the command again.",
        "ja": "リンクを通常のファイルに置き換える（または削除する）してから、もう一度実行してください。",
    },
    "error.not_regular": {
        "en": "{path} is not a regular file (a device, pipe, socket or folder); mlpdm only replaces regular files",
        "ja": "{path} は通常のファイルではありません（デバイス、パイプ、ソケット、フォルダ）。mlpdm が置き換えるのは通常のファイルだけです",
    },
    "error.not_regular.hint": {
        "en": "Nothing was changed. Give a path to a regular file, or `-o -` to print to standard output.",
        "ja": "何も変更していません。通常のファイルのパスを指定するか、`-o -` で標準出力に出力してください。",
    },
    "error.cannot_write": {"en": "cannot write {path}: {reason}", "ja": "{path} に書き込めません：{reason}"},
    "error.cannot_write.hint": {
        "en": "Nothing was changed: the previous version of the file, if any, is intact. Free space or fix permissions, or choose another directory with --dir.",
        "ja": "何も変更されていません。以前のファイルはそのまま残っています。空き容量や権限を確認するか、--dir で別のディレクトリを指定してください。",
    },
    "error.not_generated": {
        "en": "{path} exists and was not written by mlpdm; it was left unchanged",
        "ja": "{path} は mlpdm が書いたファイルではないため、変更していません",
    },
    "error.not_generated.hint": {
        "en": "Pass --force to replace it, or choose another file with --output.",
        "ja": "置き換えるには --force を、別のファイルに書くには --output を指定してください。",
    },
    "error.interview_blocked": {
        "en": "{path} exists and was not written by mlpdm; it was left unchanged",
        "ja": "{path} は mlpdm が書いたファイルではないため、変更していません",
    },
    "error.interview_blocked.hint": {
        "en": "Your answers are saved in {draft}. Move that file away (or pass another --dir) and run the same command again to finish.",
        "ja": "回答は {draft} に保存されています。そのファイルを移動する（または別の --dir を指定する）して、同じコマンドを再実行すると完了します。",
    },
    "error.lock_held": {
        "en": "`{command}` is working on this feature (pid {pid} on {host}, started {started}); nothing was changed",
        "ja": "`{command}` がこの機能を処理中です（{host} の pid {pid}、開始 {started}）。何も変更していません",
    },
    "error.lock_held.hint": {
        "en": "Finish or stop that one first, then run this command again. If it runs on another machine and is gone, delete {lock}.",
        "ja": "先にそちらを終了または中断してから、もう一度実行してください。別のマシンで実行されていてすでに終了している場合は {lock} を削除してください。",
    },
    "error.no_questionnaire": {
        "en": "no questionnaire named {qid!r}",
        "ja": "{qid!r} という質問票はありません",
    },
    "error.no_questionnaire.hint": {
        "en": "Available: {available}. A team questionnaire is found through 'questionnaire' in the configuration (see `mlpdm config`), or pass a path ending in .yaml.",
        "ja": "同梱：{available}。チームの質問票は設定の 'questionnaire' で指定する（`mlpdm config` を参照）か、.yaml で終わるパスを指定してください。",
    },
    "error.answers_invalid": {
        "en": "{path} is not a valid answers file ({count} problem(s))",
        "ja": "{path} は有効な回答ファイルではありません（問題 {count} 件）",
    },
    "error.answers_invalid.hint": {
        "en": "Fix each problem listed (or run `mlpdm interview` to answer again), then retry.",
        "ja": "挙げた問題をそれぞれ直して（または `mlpdm interview` で回答し直して）から、もう一度実行してください。",
    },
    "error.not_answers": {
        "en": "{path} is not an answers file: expected a mapping with 'questionnaire', 'meta' and 'answers'",
        "ja": "{path} は回答ファイルではありません。'questionnaire'、'meta'、'answers' を持つマッピングが必要です",
    },
    "error.not_answers.hint": {
        "en": "Run `mlpdm interview` to create one, or compare with a file in examples/.",
        "ja": "`mlpdm interview` で作成するか、examples/ のファイルと見比べてください。",
    },
    # -- mlpdm check and mlpdm index ---------------------------------------------------------------
    "check.draft": {
        "en": "an unfinished interview; finish it with `mlpdm interview` or delete the draft",
        "ja": "中断中のインタビューがあります。`mlpdm interview` で終わらせるか、下書きを削除してください",
    },
    "check.slug_mismatch": {
        "en": "meta slug {slug} does not match the file name (expected {expected})",
        "ja": "meta の slug {slug} がファイル名と一致しません（期待値 {expected}）",
    },
    "check.outdated": {
        "en": "made with {id} v{made}, now v{now}: {new} new and {changed} changed question(s) to answer; run `mlpdm interview --update {path}`",
        "ja": "{id} v{made} で作成され、現在は v{now} です。新しい質問 {new} 件と変更された質問 {changed} 件に回答してください。`mlpdm interview --update {path}` を実行します",
    },
    "check.review_overdue": {
        "en": "review was due on {date}; review the brief, then run `mlpdm interview` to update it",
        "ja": "見直し期限は {date} でした。ブリーフを見直し、`mlpdm interview` で更新してください",
    },
    "check.fail_on": {"en": "verdict is {verdict} (--fail-on)", "ja": "判定が {verdict} です（--fail-on）"},
    "check.brief.missing": {
        "en": "brief missing; run `mlpdm check --fix` or `mlpdm render`",
        "ja": "ブリーフがありません。`mlpdm check --fix` または `mlpdm render` を実行してください",
    },
    "check.brief.stale": {
        "en": "brief is stale: its answers changed since it was rendered",
        "ja": "ブリーフが古くなっています：生成後に回答が変更されました",
    },
    "check.brief.outdated-render": {
        "en": "brief is stale: it is not what its answers render to now (rendered by an older mlpdm, templates or questionnaire, or edited with its digests recomputed)",
        "ja": "ブリーフが古くなっています：現在の回答から生成される内容と一致しません（古い mlpdm、テンプレート、質問票で生成されたか、ダイジェストを計算し直して編集されています）",
    },
    "check.outside": {
        "en": "leads outside the repository ({root}) once symbolic links are followed; it was not read",
        "ja": "シンボリックリンクをたどるとリポジトリ（{root}）の外に出るため、読んでいません",
    },
    "check.index_is_a_brief": {
        "en": "the configured index is the brief of a feature; choose another name for `index` (the default is README.md)",
        "ja": "設定された index があるフィーチャーのブリーフと同じです。`index` に別の名前を指定してください（既定は README.md）",
    },
    "check.brief.not_regular": {
        "en": "a symbolic link, pipe, device or folder is in the brief's place; mlpdm neither reads nor replaces it: remove it, then run `mlpdm check --fix`",
        "ja": "ブリーフの場所にシンボリックリンク、パイプ、デバイスまたはフォルダーがあります。mlpdm はそれを読みも置き換えもしません。削除してから `mlpdm check --fix` を実行してください",
    },
    "check.brief.edited": {
        "en": "brief was edited by hand: change the answers instead (--fix --force overwrites the edits)",
        "ja": "ブリーフが手で編集されています。代わりに回答を変更してください（--fix --force で編集を上書きします）",
    },
    "check.brief.invalid": {
        "en": "the brief cannot be read: {problems} (`mlpdm check --fix --force` renders it again; edits by hand are lost)",
        "ja": "ブリーフを読めません：{problems}（`mlpdm check --fix --force` で生成し直します。手での編集は失われます）",
    },
    "check.markdown_unreadable": {
        "en": "{problem}; mlpdm cannot tell whether it wrote this file",
        "ja": "{problem}。mlpdm が書いたファイルかどうか判断できません",
    },
    "check.index_not_regular": {
        "en": "a folder, pipe or device is where the portfolio page belongs; mlpdm neither reads nor replaces it: remove it, or set another `index` in mlpdm.toml, then run `mlpdm index`",
        "ja": "ポートフォリオページの場所にフォルダー、パイプまたはデバイスがあります。mlpdm はそれを読みも置き換えもしません。削除するか mlpdm.toml で別の `index` を設定してから `mlpdm index` を実行してください",
    },
    "check.index_unreadable": {
        "en": "{problem}; mlpdm cannot tell whether it wrote this file (`mlpdm index --force` replaces it)",
        "ja": "{problem}。mlpdm が書いたファイルかどうか判断できません（`mlpdm index --force` で置き換えます）",
    },
    "check.brief.not-generated": {
        "en": "a file not written by mlpdm is in the brief's place (--fix --force replaces it)",
        "ja": "ブリーフの場所に mlpdm が書いたものではないファイルがあります（--fix --force で置き換えます）",
    },
    "check.rerendered": {"en": "{path}: re-rendered", "ja": "{path}：生成し直しました"},
    "check.rerendered_lost": {
        "en": "{path}: re-rendered (hand edits overwritten)",
        "ja": "{path}：生成し直しました（手での編集は上書きされました）",
    },
    "check.no_rationale": {
        "en": "decision {status} goes against the recommendation ({verdict}) with no rationale; record one with `mlpdm decide --rationale`",
        "ja": "決定 {status} は推奨（{verdict}）に反していますが、理由がありません。`mlpdm decide --rationale` で記録してください",
    },
    "check.no_successor": {
        "en": "superseded, but superseded_by is missing",
        "ja": "superseded ですが、superseded_by がありません",
    },
    "check.successor_missing": {
        "en": "superseded by {slug}, which has no answers file here",
        "ja": "{slug} に置き換えられていますが、ここにその回答ファイルがありません",
    },
    "check.orphan": {
        "en": "a brief without its answers file; restore the answers or delete the brief",
        "ja": "回答ファイルのないブリーフです。回答を戻すか、ブリーフを削除してください",
    },
    "check.written": {"en": "{path}: written", "ja": "{path}：書き出しました"},
    "check.rewritten": {"en": "{path}: re-written", "ja": "{path}：書き直しました"},
    "check.index_not_generated": {
        "en": "the index file was not written by mlpdm; `mlpdm index --force` replaces it",
        "ja": "一覧ファイルは mlpdm が書いたものではありません。`mlpdm index --force` で置き換えます",
    },
    "check.index_stale": {
        "en": "the portfolio index is out of date; run `mlpdm index`",
        "ja": "一覧ページが古くなっています。`mlpdm index` を実行してください",
    },
    "check.severity.error": {"en": "error", "ja": "エラー"},
    "check.severity.warning": {"en": "warning", "ja": "警告"},
    "check.fixed": {"en": "fixed", "ja": "修正"},
    "check.summary": {
        "en": "{checked} answers file(s) checked in {docs}: {errors} error(s), {warnings} warning(s)",
        "ja": "{docs} の回答ファイル {checked} 件を検査しました：エラー {errors} 件、警告 {warnings} 件",
    },
    "check.summary_fixed": {"en": ", {fixed} fixed", "ja": "、修正 {fixed} 件"},
    "check.index_written": {
        "en": "Wrote {path} ({count} brief(s))",
        "ja": "{path} を書き出しました（ブリーフ {count} 件）",
    },
    "check.index_updated": {
        "en": "Updated {path} ({count} brief(s))",
        "ja": "{path} を更新しました（ブリーフ {count} 件）",
    },
    "completion.installed": {
        "en": "{shell} completion installed in {path}",
        "ja": "{shell} の補完を {path} にインストールしました",
    },
    "completion.rc_added": {
        "en": "{path} now loads it (one line added at its end).",
        "ja": "{path} から読み込むようにしました（末尾に 1 行追加）。",
    },
    "completion.rc_kept": {
        "en": "{path} already loads it; left unchanged.",
        "ja": "{path} はすでに読み込む設定になっています。変更していません。",
    },
    "completion.restart": {
        "en": "Completion takes effect in a new terminal.",
        "ja": "補完は新しい端末から有効になります。",
    },
    "completion.bad_instruction": {
        "en": "{var}={value} is not a completion instruction; use <shell>_complete or <shell>_source, with bash, zsh or fish.",
        "ja": "{var}={value} は補完の指示ではありません。<shell>_complete か <shell>_source を使ってください（シェルは bash、zsh、fish）。",
    },
    "complete.lang.en": {"en": "English", "ja": "英語"},
    "complete.lang.ja": {"en": "Japanese", "ja": "日本語"},
    "complete.shipped": {"en": "shipped with mlpdm", "ja": "mlpdm に同梱"},
    "complete.configured": {"en": "the configured questionnaire", "ja": "設定された質問票"},
    "complete.feature.answers": {"en": "revise its answers", "ja": "回答を見直す"},
    "complete.feature.draft": {"en": "resume its draft", "ja": "下書きから再開する"},
    "check.index_current": {
        "en": "{path} is up to date ({count} brief(s))",
        "ja": "{path} は最新です（ブリーフ {count} 件）",
    },
    "check.index_changed": {
        "en": "{path} was not up to date and has been written: add it to the commit (git add {path}) and commit again.",
        "ja": "{path} は最新ではなかったため書き出しました。コミットに加えて（git add {path}）、もう一度コミットしてください。",
    },
    "check.index_not_refreshed": {
        "en": "The portfolio page {path} was not brought up to date: {reason}. Run `mlpdm index` once that is fixed.",
        "ja": "一覧ページ {path} を最新にできませんでした：{reason}。解決したら `mlpdm index` を実行してください。",
    },
    "check.left_out": {"en": "left out {path}: {reason}", "ja": "{path} は除外しました：{reason}"},
    # -- mlpdm diff ------------------------------------------------------------------------------
    "diff.title": {
        "en": "mlpdm: what changed in the ML design briefs",
        "ja": "mlpdm：ML 設計ブリーフの変更点",
    },
    "diff.intro": {
        "en": "Answers files under {docs}, compared with {base}. mlpdm decided both sides from the answers; no verdict was read from a brief.",
        "ja": "{docs} の回答ファイルを {base} と比べました。どちらも mlpdm が回答から判定しており、ブリーフに書かれた判定は読んでいません。",
    },
    "diff.nothing": {
        "en": "mlpdm: no answers file under {docs} changed since {base}.",
        "ja": "mlpdm：{base} 以降、{docs} の回答ファイルに変更はありません。",
    },
    "diff.arrow": {"en": "**{label}:** {before} → {after}", "ja": "**{label}**：{before} → {after}"},
    "diff.unchanged": {"en": "**{label}:** {value} (unchanged)", "ja": "**{label}**：{value}（変更なし）"},
    "diff.verdict": {"en": "Verdict", "ja": "判定"},
    "diff.top_reason": {"en": "Top reason", "ja": "主な理由"},
    "diff.decision": {"en": "Team decision", "ja": "チームの決定"},
    "diff.no_reason": {"en": "(none)", "ja": "（なし）"},
    "diff.top_inline": {"en": "; top reason: {reason}", "ja": "／主な理由：{reason}"},
    "diff.unreadable": {"en": "cannot be read ({problem})", "ja": "読めません（{problem}）"},
    "diff.added": {"en": "**Findings added:**", "ja": "**追加された指摘：**"},
    "diff.removed": {"en": "**Findings removed:**", "ja": "**なくなった指摘：**"},
    "diff.regraded": {"en": "**Findings with another outcome:**", "ja": "**区分が変わった指摘：**"},
    "diff.answers": {"en": "Answers changed", "ja": "変更された回答"},
    "diff.new": {"en": "New features", "ja": "新しい機能"},
    "diff.deleted": {"en": "Deleted features", "ja": "削除された機能"},
    "diff.same_outcome": {
        "en": "Answers changed, same verdict, reason, decision and findings",
        "ja": "回答は変わったが、判定・理由・決定・指摘は同じもの",
    },
    "diff.base_default": {
        "en": "the merge-base of HEAD and {branch}",
        "ja": "HEAD と {branch} のマージベース",
    },
    "error.git_missing": {
        "en": "git was not found: `mlpdm diff` reads the base version of the answers files with git",
        "ja": "git が見つかりません。`mlpdm diff` は回答ファイルの比較元を git で読みます",
    },
    "error.git_missing.hint": {
        "en": "Install git, or run `mlpdm diff` where git is on the PATH.",
        "ja": "git をインストールするか、git が PATH にある環境で `mlpdm diff` を実行してください。",
    },
    "error.not_git_repo": {
        "en": "{path} is not inside a git repository, so there is no earlier version of the answers to compare with",
        "ja": "{path} は git リポジトリの中にないため、比較する以前の回答がありません",
    },
    "error.not_git_repo.hint": {
        "en": "Run `mlpdm diff` in a clone of the repository; `mlpdm check` needs no git.",
        "ja": "リポジトリのクローンの中で `mlpdm diff` を実行してください。`mlpdm check` は git なしで動きます。",
    },
    "error.unknown_ref": {
        "en": "--base {ref}: no commit, branch or tag of that name in this repository",
        "ja": "--base {ref}：この名前のコミット、ブランチ、タグはこのリポジトリにありません",
    },
    "error.unknown_ref.hint": {
        "en": "Check the name with `git branch -a` or `git log`. In CI, fetch the history first (actions/checkout with `fetch-depth: 0`).",
        "ja": "`git branch -a` や `git log` で名前を確かめてください。CI では先に履歴を取得してください（actions/checkout の `fetch-depth: 0`）。",
    },
    "error.no_commits": {
        "en": "the repository has no commit yet, so there is no earlier version of the answers to compare with",
        "ja": "リポジトリにまだコミットがないため、比較する以前の回答がありません",
    },
    "error.no_commits.hint": {
        "en": "Commit the answers files first, or name a base with --base.",
        "ja": "先に回答ファイルをコミットするか、--base で比較元を指定してください。",
    },
    "error.git_failed": {
        "en": "`git {command}` failed: {reason}",
        "ja": "`git {command}` が失敗しました：{reason}",
    },
    "error.docs_outside_git": {
        "en": "the docs folder {docs} is outside the git repository {root}, so git holds no earlier version of it",
        "ja": "ドキュメントのフォルダー {docs} が git リポジトリ {root} の外にあるため、git に以前の版がありません",
    },
    "error.docs_outside_git.hint": {
        "en": "Give a folder inside the repository, or run `mlpdm diff` from the repository it belongs to.",
        "ja": "リポジトリの中のフォルダーを指定するか、そのフォルダーが属するリポジトリで `mlpdm diff` を実行してください。",
    },
    "error.unknown_verdicts": {
        "en": "unknown verdict(s) {unknown}; use {known}",
        "ja": "不明な判定 {unknown}。使えるのは {known} です",
    },
    "error.unknown_lang": {
        "en": "{value} is not supported; choose one of: {known}",
        "ja": "{value} には対応していません。次のどれかを選んでください：{known}",
    },
    "error.completion_shell": {
        "en": "mlpdm cannot complete in the shell {shell}; it completes in {shells}",
        "ja": "mlpdm はシェル {shell} での補完に対応していません。対応しているのは {shells} です",
    },
    "error.completion_shell.hint": {
        "en": "Name one of them, e.g. `mlpdm --show-completion bash`.",
        "ja": "そのどれかを指定してください。例：`mlpdm --show-completion bash`。",
    },
    "error.completion_no_shell": {
        "en": "no shell was named, and none was found among the processes that started mlpdm (as in CI or a container)",
        "ja": "シェルが指定されておらず、mlpdm を起動したプロセスにもシェルが見つかりませんでした（CI やコンテナの中など）",
    },
    "error.completion_no_shell.hint": {
        "en": "Name the shell ({shells}): `mlpdm --show-completion bash`, or `_MLPDM_COMPLETE=bash_source mlpdm`.",
        "ja": "シェル（{shells}）を指定してください：`mlpdm --show-completion bash`、または `_MLPDM_COMPLETE=bash_source mlpdm`。",
    },
    "error.completion_other_shell": {
        "en": "mlpdm runs in the shell {shell}, which it cannot complete in; it completes in {shells}",
        "ja": "mlpdm はシェル {shell} の中で動いていますが、このシェルでの補完には対応していません。対応しているのは {shells} です",
    },
    "error.completion_other_shell.hint": {
        "en": "Name the shell to write the script for, e.g. `mlpdm --show-completion bash`.",
        "ja": "スクリプトを書くシェルを指定してください。例：`mlpdm --show-completion bash`。",
    },
    "error.needs_successor": {
        "en": "a superseded brief needs --superseded-by SLUG (the brief that replaces it)",
        "ja": "superseded にするには --superseded-by SLUG（置き換えるブリーフ）が必要です",
    },
    "error.bad_successor": {
        "en": "--superseded-by {slug} needs status superseded and a slug such as invoice-ocr-v2",
        "ja": "--superseded-by {slug} には、状態 superseded と invoice-ocr-v2 のようなスラッグが必要です",
    },
    "error.successor_is_itself": {
        "en": "--superseded-by {slug} names this feature itself; a brief is superseded by another feature's brief",
        "ja": "--superseded-by {slug} はこの機能自身です。ブリーフを置き換えるのは別の機能のブリーフです",
    },
    "error.no_successors": {
        "en": "--superseded-by {slug}: {docs} holds no other feature yet, so nothing can supersede this one",
        "ja": "--superseded-by {slug}：{docs} にはほかの機能がまだないため、この機能を置き換えるものがありません",
    },
    "error.no_successors.hint": {
        "en": "Write the brief that replaces it first (mlpdm interview NAME), then record the decision.",
        "ja": "先に置き換えるブリーフを作成し（mlpdm interview 名前）、それから決定を記録してください。",
    },
    "error.unknown_successor": {
        "en": "--superseded-by {slug}: there is no feature {slug} in {docs}; {which}",
        "ja": "--superseded-by {slug}：{docs} に機能 {slug} はありません。{which}",
    },
    "error.unknown_successor.hint": {
        "en": "Give the slug of the brief that replaces this one: the name of its file without .answers.yaml.",
        "ja": "このブリーフを置き換えるブリーフのスラッグ（ファイル名から .answers.yaml を除いたもの）を指定してください。",
    },
    "decide.closest": {"en": "did you mean {closest}?", "ja": "{closest} のことですか？"},
    "decide.known": {
        "en": "the features there are {known}{more}",
        "ja": "そこにある機能は {known}{more} です",
    },
    "decide.more": {"en": " and {count} more", "ja": " ほか {count} 件"},
    "error.needs_rationale": {
        "en": "the recommendation is {verdict}; deciding {status} goes against it",
        "ja": "推奨は {verdict} です。{status} と決定すると推奨に反します",
    },
    "error.needs_rationale.hint": {
        "en": 'Record why with --rationale "…" (your own words), so reviewers can follow the decision.',
        "ja": "レビューする人が決定を追えるよう、--rationale「…」で理由を自分の言葉で記録してください。",
    },
    "error.decide_hand_edited": {
        "en": "{path} was edited by hand; the decision was not recorded",
        "ja": "{path} は手で編集されています。決定は記録していません",
    },
    "error.decide_hand_edited.hint": {
        "en": "Move the edits into the answers, or pass --force to overwrite them.",
        "ja": "編集内容を回答に移すか、--force で上書きしてください。",
    },
    "decide.recorded": {
        "en": "Recorded “{status}” for {feature} (recommendation: {verdict})",
        "ja": "{feature} の決定「{status}」を記録しました（推奨：{verdict}）",
    },
    "decide.updated": {"en": "Updated {answers} and {brief}", "ja": "{answers} と {brief} を更新しました"},
    # -- mlpdm questionnaire -------------------------------------------------------------------
    "qn.title": {"en": "Questionnaires", "ja": "質問票"},
    "qn.column.id": {"en": "id", "ja": "ID"},
    "qn.column.version": {"en": "version", "ja": "版"},
    "qn.column.title": {"en": "title", "ja": "タイトル"},
    "qn.column.sections": {"en": "sections", "ja": "セクション"},
    "qn.column.questions": {"en": "questions", "ja": "質問"},
    "qn.column.rules": {"en": "rules", "ja": "ルール"},
    "qn.when": {"en": "when", "ja": "条件"},
    "qn.optional": {"en": "optional", "ja": "任意"},
    "qn.rules": {"en": "Rules ({count})", "ja": "ルール（{count} 件）"},
    "qn.length": {
        "en": "Interview length: {shortest} to {longest} of {total} questions, depending on the answers.",
        "ja": "インタビューの長さ：回答に応じて、全 {total} 問のうち {shortest}〜{longest} 問。",
    },
    "qn.valid": {"en": "{ref} is valid: {summary}", "ja": "{ref} は有効です：{summary}"},
    "qn.summary": {
        "en": "{questions} questions in {sections} sections, {derived} derived values, {rules} rules, checklist {first}–{last} ({points} points)",
        "ja": "{sections} セクションに {questions} 問、導出値 {derived} 個、ルール {rules} 件、チェックリスト {first}〜{last}（{points} 項目）",
    },
    "qn.uncovered": {
        "en": "warning: no question covers checklist point(s) {points}",
        "ja": "警告：チェックリストの項目 {points} を扱う質問がありません",
    },
    "qn.rule_never": {
        "en": "warning: rule {rule} can never fire",
        "ja": "警告：ルール {rule} は決して発火しません",
    },
    "qn.rule_always": {
        "en": "warning: rule {rule} fires for every answer",
        "ja": "警告：ルール {rule} はどの回答でも発火します",
    },
    # -- mlpdm stats ----------------------------------------------------------------------------
    "stats.right_of": {"en": "{correct} of {total} right", "ja": "{total} 件中 {correct} 件が正しい"},
    "stats.observed": {"en": "Observed rate", "ja": "観測した割合"},
    "stats.wilson": {"en": "{level}% Wilson interval", "ja": "{level}% Wilson 区間"},
    "stats.wilson_note": {
        "en": "Wilson score interval (Brown, Cai & DasGupta 2001); the textbook Wald interval is too optimistic.",
        "ja": "Wilson スコア区間（Brown, Cai & DasGupta 2001）。教科書的な Wald 区間は楽観的すぎます。",
    },
    "stats.bar": {"en": "Launch bar", "ja": "リリース基準"},
    "stats.result": {"en": "Result", "ja": "結果"},
    "stats.result.clears": {
        "en": "meets the bar (lower bound clears it)",
        "ja": "基準を満たす（下限が基準を上回る）",
    },
    "stats.result.below": {
        "en": "below the bar (even the upper bound)",
        "ja": "基準に届かない（上限でも下回る）",
    },
    "stats.result.straddles": {
        "en": "not shown yet: evaluate more",
        "ja": "未確定：さらに評価してください",
    },
    "stats.n_note": {
        "en": "n = z²·p(1−p)/e² with z = {z}, p = {p}, e = {e}.",
        "ja": "n = z²·p(1−p)/e²（z = {z}、p = {p}、e = {e}）。",
    },
    "stats.recall_note": {
        "en": "For recall, n counts actual positives: at prevalence {prevalence}% label about n / π = {items} items at random.",
        "ja": "再現率では n は実際の陽性の件数です。陽性の割合が {prevalence}% なら、無作為に約 n / π = {items} 件をラベル付けします。",
    },
    "stats.fpc_note": {
        "en": "Finite-population correction for a pool of {population}: n' = n / (1 + (n−1)/N).",
        "ja": "{population} 件の母集団に対する有限母集団修正：n' = n / (1 + (n−1)/N)。",
    },
    "stats.bar_note": {
        "en": "To show the {bar}% bar: the smallest n whose Wilson lower bound clears it with {p}% right; below {floor} items (every one right) no result can.",
        "ja": "基準 {bar}% を示すには：正解 {p}% のとき Wilson 区間の下限が基準を上回る最小の n です。{floor} 件未満では（全件正解でも）示せません。",
    },
    "stats.bar_cannot_note": {
        "en": "At an expected rate of {p}%, no set of any size can show the {bar}% bar is met.",
        "ja": "見込みの割合が {p}% では、何件あっても基準 {bar}% を満たすとは示せません。",
    },
    "stats.for_bar": {"en": "To show the bar (n)", "ja": "基準を示すための件数（n）"},
    "stats.for_bar_items": {"en": "Items to label for the bar", "ja": "基準のためにラベル付けする件数"},
    "stats.sample_size": {"en": "Sample size", "ja": "サンプル数"},
    "stats.per_estimate": {"en": "Per estimate (n)", "ja": "推定 1 つあたり（n）"},
    "stats.per_group": {"en": "Items to label per group", "ja": "グループごとにラベル付けする件数"},
    "stats.groups": {"en": "Groups", "ja": "グループ数"},
    "stats.total": {"en": "Total to label", "ja": "ラベル付けする合計"},
    "stats.zero_failures": {"en": "Zero failures observed", "ja": "失敗が 1 件も観測されない場合"},
    "stats.trials": {"en": "Failure-free trials", "ja": "失敗のなかった試行数"},
    "stats.upper_bound": {"en": "{level}% upper bound on the failure rate", "ja": "失敗率の {level}% 上限"},
    "stats.rule_of_three": {"en": "Rule of three (3/n)", "ja": "3 の法則（3/n）"},
    "stats.rate": {"en": "Failure rate to rule out", "ja": "否定したい失敗率"},
    "stats.trials_needed": {"en": "Failure-free trials needed", "ja": "必要な失敗なしの試行数"},
    "stats.exact_note": {
        "en": "Exact: 1 − α^(1/n); the rule of three (3/n) approximates it at 95% (Hanley & Lippman-Hand 1983).",
        "ja": "厳密には 1 − α^(1/n)。3 の法則（3/n）は信頼度 95% でその近似です（Hanley & Lippman-Hand 1983）。",
    },
    "render.wrote": {"en": "Wrote {path}", "ja": "{path} を書き出しました"},
    "render.updated": {"en": "Updated {path}", "ja": "{path} を更新しました"},
    "render.failed": {
        "en": "rendered {done} of {total} answers files; {failed} could not be rendered (see above)",
        "ja": "回答ファイル {total} 件のうち {done} 件を生成しました。{failed} 件は生成できませんでした（上記を参照）",
    },
    "error.output_one_file": {
        "en": "--output names one file, but {count} answers files were given",
        "ja": "--output は 1 つのファイルを指定しますが、回答ファイルが {count} 件指定されています",
    },
    "error.output_one_file.hint": {
        "en": "Leave out --output to write each brief next to its answers file, or render one file at a time.",
        "ja": "--output を省くと各ブリーフを回答ファイルの隣に書き出します。または 1 件ずつ生成してください。",
    },
    "error.interrupted": {
        "en": "Interrupted (Ctrl-C). Each file is either written whole or left as it was.",
        "ja": "中断しました（Ctrl-C）。各ファイルは完全に書き込まれたか、元のままです。",
    },
    # -- mlpdm config -------------------------------------------------------------------------
    "config.root": {"en": "repo root", "ja": "リポジトリのルート"},
    "config.file": {"en": "config file", "ja": "設定ファイル"},
    "config.no_file": {"en": "none (defaults)", "ja": "なし（既定値）"},
    "config.column.setting": {"en": "setting", "ja": "設定"},
    "config.column.value": {"en": "value", "ja": "値"},
    "config.column.from": {"en": "from", "ja": "出どころ"},
    "config.column.meaning": {"en": "meaning", "ja": "意味"},
    "config.key.docs_dir": {
        "en": "where answers files and briefs live, relative to the repo root",
        "ja": "回答ファイルとブリーフを置く場所（リポジトリのルートからの相対パス）",
    },
    "config.key.questionnaire": {
        "en": "a shipped questionnaire id, or a path to the team's own YAML file",
        "ja": "同梱の質問票の ID、またはチーム独自の YAML ファイルのパス",
    },
    "config.key.templates": {
        "en": "a folder of templates that replace the shipped ones (same file names)",
        "ja": "同梱のテンプレートを置き換えるテンプレートのフォルダー（同じファイル名）",
    },
    "config.key.lang": {
        "en": "language of prompts and briefs: en or ja (default: from the locale)",
        "ja": "質問とブリーフの言語：en または ja（既定：ロケールから）",
    },
    "config.key.review_interval_months": {
        "en": "months until a brief is due for review",
        "ja": "ブリーフの見直し期限までの月数",
    },
    "config.key.index": {
        "en": "file name of the portfolio page inside docs_dir",
        "ja": "docs_dir の中の一覧ページのファイル名",
    },
    "error.extends_too_deep": {
        "en": "{path}: questionnaires extend each other too deeply (a loop?)",
        "ja": "{path}：質問票の extends が深すぎます（循環していませんか？）",
    },
    "error.extends_too_deep.hint": {"en": "Check 'extends:'.", "ja": "'extends:' を確認してください。"},
    "error.no_templates_folder": {
        "en": "{path}: the configured templates folder does not exist",
        "ja": "{path}：設定されたテンプレートのフォルダーがありません",
    },
    "error.no_templates_folder.hint": {
        "en": "Fix 'templates' in the configuration (see `mlpdm config`).",
        "ja": "設定の 'templates' を直してください（`mlpdm config` を参照）。",
    },
    "error.bad_toml": {
        "en": "{path}: invalid TOML: {problem}",
        "ja": "{path}：TOML として不正です：{problem}",
    },
    "error.bad_toml.hint": {"en": "Fix the file's syntax.", "ja": "ファイルの構文を直してください。"},
    "error.unknown_setting": {
        "en": "{path}: unknown setting {key} for mlpdm",
        "ja": "{path}：mlpdm の設定に {key} はありません",
    },
    "error.unknown_setting.hint": {"en": "Known settings: {known}.", "ja": "使える設定：{known}"},
    "error.bad_interval": {
        "en": "{path}: review_interval_months must be a whole number from 1 to 60",
        "ja": "{path}：review_interval_months は 1 から 60 までの整数にしてください",
    },
    "error.bad_config_lang": {
        "en": "{path}: lang must be one of {known}",
        "ja": "{path}：lang は {known} のどれかにしてください",
    },
    "error.empty_setting": {
        "en": "{path}: {key} must be a non-empty string",
        "ja": "{path}：{key} は空でない文字列にしてください",
    },
    "error.outside_repo": {
        "en": "{path}: {key} must be a path inside the repository (relative, without '..')",
        "ja": "{path}：{key} はリポジトリ内のパス（'..' を含まない相対パス）にしてください",
    },
    "error.escapes_repo": {
        "en": "{origin}{setting} leads outside the repository once symbolic links are followed: {path} is not under {root}; mlpdm reads and writes only inside the repository",
        "ja": "{origin}{setting} はシンボリックリンクをたどるとリポジトリの外に出ます：{path} は {root} の下にありません。mlpdm はリポジトリの中だけを読み書きします",
    },
    "error.escapes_repo.hint": {
        "en": "Nothing was read or written. Point the setting at a file or folder inside the repository, or replace the symbolic link with a real folder.",
        "ja": "何も読み書きしていません。設定をリポジトリ内のファイルやフォルダーに向けるか、シンボリックリンクを実際のフォルダーに置き換えてください。",
    },
    "error.index_not_markdown": {
        "en": "{path}: index = {value!r} must name a Markdown file (ending in .md) inside the docs folder",
        "ja": "{path}：index = {value!r} は docs フォルダー内の Markdown ファイル（.md で終わる名前）にしてください",
    },
    "error.index_not_markdown.hint": {
        "en": "The index page is written by mlpdm; any other name could overwrite an answers file. The default is README.md.",
        "ja": "一覧ページは mlpdm が書き出すため、他の名前では回答ファイルを上書きするおそれがあります。既定は README.md です。",
    },
    "error.not_regular_read": {
        "en": "{path} is not a regular file (a device, pipe or socket); mlpdm reads only regular files",
        "ja": "{path} は通常のファイルではありません（デバイス、パイプ、ソケット）。mlpdm が読むのは通常のファイルだけです",
    },
    "error.not_regular_read.hint": {
        "en": "Nothing was read. Give the path of a regular file.",
        "ja": "何も読んでいません。通常のファイルのパスを指定してください。",
    },
    "error.outside_repo.hint": {
        "en": "Paths in the configuration are relative to the repo root.",
        "ja": "設定のパスはリポジトリのルートからの相対パスです。",
    },
    "error.no_questionnaire_ref": {
        "en": "{path} does not say which questionnaire it answers",
        "ja": "{path} には、どの質問票への回答かが書かれていません",
    },
    "error.no_questionnaire_ref.hint": {
        "en": "Add 'questionnaire: {{id: default, version: 1}}' at the top, or pass --questionnaire.",
        "ja": "先頭に 'questionnaire: {{id: default, version: 1}}' を加えるか、--questionnaire を指定してください。",
    },
    "error.bad_fraction": {
        "en": "{name} must be between 0 and 1 (or a percentage between 0 and 100); got {value}",
        "ja": "{name} は 0 から 1 の間（または 0 から 100 のパーセント）にしてください。指定値：{value}",
    },
    "error.bad_fraction.hint": {
        "en": "For example --{name} 0.05 or --{name} 5.",
        "ja": "例：--{name} 0.05 または --{name} 5",
    },
    "error.impossible_count": {
        "en": "{correct} right out of {total} is impossible",
        "ja": "{total} 件中 {correct} 件が正しい、はありえません",
    },
    "error.impossible_count.hint": {
        "en": "The first number is the count right.",
        "ja": "最初の数が正しかった件数です。",
    },
    "error.trials_or_rate": {
        "en": "give either a number of failure-free trials or --rate",
        "ja": "失敗のなかった試行数か --rate のどちらか一方を指定してください",
    },
    "error.trials_or_rate.hint": {
        "en": "mlpdm stats rule-of-three 300",
        "ja": "mlpdm stats rule-of-three 300",
    },
    "error.lock_failed": {"en": "cannot take the lock {lock}", "ja": "ロック {lock} を取得できません"},
    "error.lock_failed.hint": {
        "en": "Nothing was changed. If no mlpdm command is running on this feature, delete it and run the command again; on a file system without locks, choose a local folder (--dir).",
        "ja": "何も変更していません。この機能で実行中の mlpdm コマンドがなければ削除して再実行してください。ロックが使えないファイルシステムでは、ローカルのフォルダを指定してください（--dir）。",
    },
    "error.not_a_directory": {"en": "{path} is not a directory", "ja": "{path} はディレクトリではありません"},
    "error.not_a_directory.hint": {
        "en": "Pass the docs directory (default: docs/mlpdm, or 'docs_dir' in the configuration).",
        "ja": "ドキュメントのディレクトリを指定してください（既定：docs/mlpdm、または設定の 'docs_dir'）。",
    },
    "error.index_not_generated": {
        "en": "{path} exists and was not written by mlpdm; it was left unchanged",
        "ja": "{path} はすでにあり、mlpdm が書いたものではありません。変更していません",
    },
    "error.index_not_generated.hint": {
        "en": "Pass --force to replace it, or --output another file.",
        "ja": "置き換えるには --force を、別のファイルに書くには --output を指定してください。",
    },
    # -- problems inside a questionnaire (one line each, after file:line) -------------------
    "problem.unsafe_link": {
        "en": "source URL {url} may not be a link: use {allowed} or a relative link "
        "(a browser reads 'javascript&colon;' as 'javascript:', and so does this check)",
        "ja": "出典の URL {url} はリンクにできません。{allowed} か相対リンクにしてください"
        "（ブラウザは 'javascript&colon;' を 'javascript:' と読むので、この検査もそう読みます）",
    },
    # -- what to do about a problem in a questionnaire (after " — ") ------------------------
    "p.problem_fix": {"en": "{problem} — {fix}", "ja": "{problem} — {fix}"},
    "fix.id": {
        "en": "use lower-case letters, digits and '_', starting with a letter, and not a Python or Jinja keyword",
        "ja": "英小文字・数字・'_' を使い、英字で始め、Python や Jinja のキーワードは避けてください",
    },
    "fix.dash_id": {
        "en": "use lower-case letters, digits and '-', starting with a letter",
        "ja": "英小文字・数字・'-' を使い、英字で始めてください",
    },
    "fix.choice_value": {
        "en": "use lower-case letters, digits and '_'",
        "ja": "英小文字・数字・'_' を使ってください",
    },
    "fix.languages_known": {"en": "use {known}", "ja": "{known} のいずれかを使ってください"},
    "fix.languages": {
        "en": "include 'en' and use only {known}, e.g. languages: [en, ja]",
        "ja": "'en' を含め、{known} だけを使ってください（例：languages: [en, ja]）",
    },
    "fix.add_en": {"en": "add an 'en' text", "ja": "'en' のテキストを追加してください"},
    "fix.more_choices": {
        "en": "add at least two choices, or change the type",
        "ja": "選択肢を 2 つ以上追加するか、type を変えてください",
    },
    "fix.no_choices": {
        "en": "remove 'choices', or make the type choice or multi",
        "ja": "'choices' を削除するか、type を choice か multi にしてください",
    },
    "fix.unsure_choice": {
        "en": "remove that choice and set 'unsure: true' on the question",
        "ja": "その選択肢を削除し、質問に 'unsure: true' を指定してください",
    },
    "fix.remove": {"en": "remove '{key}'", "ja": "'{key}' を削除してください"},
    "fix.number_only": {
        "en": "remove them, or make the type number",
        "ja": "それらを削除するか、type を number にしてください",
    },
    "fix.swap": {"en": "swap min and max", "ja": "min と max を入れ替えてください"},
    "fix.multi_only": {
        "en": "remove 'exclusive', or make the type multi",
        "ja": "'exclusive' を削除するか、type を multi にしてください",
    },
    "fix.missing": {"en": "add {key}", "ja": "{key} を追加してください"},
    "fix.extra": {"en": "remove it, or correct its spelling", "ja": "削除するか、綴りを直してください"},
    "fix.extra_known": {
        "en": "remove it, or use one of the keys allowed here: {known}",
        "ja": "削除するか、ここで使えるキーにしてください：{known}",
    },
    "fix.did_you_mean": {"en": "did you mean {close}?", "ja": "{close} のことですか？"},
    "fix.literal": {"en": "use one of the values listed", "ja": "示した値のいずれかにしてください"},
    "fix.too_short": {"en": "add at least {count}", "ja": "少なくとも {count} 個追加してください"},
    "fix.bound": {"en": "use a number within the limit", "ja": "範囲内の数にしてください"},
    "fix.mapping": {
        "en": "write a mapping of 'key: value' lines here",
        "ja": "ここには 'key: value' の行からなるマッピングを書いてください",
    },
    "fix.list": {
        "en": "write a list here: '- item' lines, or [a, b]",
        "ja": "ここにはリストを書いてください（'- 項目' の行、または [a, b]）",
    },
    "fix.text": {
        "en": "write text here, in quotes if it looks like a number or yes/no",
        "ja": "ここには文字列を書いてください。数や yes/no に見えるときは引用符で囲みます",
    },
    "fix.number": {"en": "write a number here", "ja": "ここには数を書いてください"},
    "fix.bool": {"en": "write true or false here", "ja": "ここには true か false を書いてください"},
    "fix.value": {"en": "correct the value", "ja": "値を直してください"},
    "fix.one_of": {"en": "use one of: {known}", "ja": "次のいずれかを使ってください：{known}"},
    "fix.show": {
        "en": "use one that exists: `mlpdm questionnaire show {path}` lists them",
        "ja": "存在するものを使ってください。`mlpdm questionnaire show {path}` で一覧できます",
    },
    "fix.add_source": {"en": "add it under 'sources:'", "ja": "'sources:' に追加してください"},
    "fix.add_source_or": {
        "en": "add it under 'sources:', or use one of: {known}",
        "ja": "'sources:' に追加するか、次のいずれかを使ってください：{known}",
    },
    "fix.other_id": {"en": "choose an id nothing else uses", "ja": "ほかで使われていない ID にしてください"},
    "fix.unique_choice": {
        "en": "give each choice a value of its own",
        "ja": "選択肢ごとに別の値にしてください",
    },
    "fix.condition": {
        "en": "compare question ids with values, join them with and, or, not, and close every bracket and quote, "
        "as in \"kind == 'llm' and not public\"",
        "ja": "質問 ID と値の比較を and・or・not でつなぎ、括弧と引用符をすべて閉じてください"
        "（例：\"kind == 'llm' and not public\"）",
    },
    "fix.earlier": {
        "en": "use only what is asked before this point, or move this after {name}",
        "ja": "この時点より前に尋ねるものだけを使うか、これを {name} の後ろに移してください",
    },
    "fix.at_most": {
        "en": "name a number question asked before {qid}",
        "ja": "{qid} より前に尋ねる数値の質問を指定してください",
    },
    "fix.default": {
        "en": "give a default the question accepts, or remove 'default'",
        "ja": "質問が受け付ける既定値にするか、'default' を削除してください",
    },
    "fix.translate": {
        "en": "add a {missing} text, or remove {missing} from 'languages'",
        "ja": "{missing} のテキストを追加するか、'languages' から {missing} を外してください",
    },
    "fix.override_fixed": {
        "en": "leave 'id' and 'questions' out; add new questions under 'questions:' or 'sections:'",
        "ja": "'id' と 'questions' は書かないでください。新しい質問は 'questions:' か 'sections:' に追加します",
    },
    "problem.choice_twice": {
        "en": "choice value {value} of {qid} is used twice",
        "ja": "{qid} の選択肢の値 {value} が 2 回使われています",
    },
    # -- problems inside an answers file (one line each, after file:line) -------------------
    "problem.condition_nesting": {
        "en": "condition {condition} nests brackets, 'not', signs or 'if … else' more than {limit} levels deep",
        "ja": "条件 {condition} で、括弧・'not'・符号・'if … else' の入れ子が {limit} 段を超えています",
    },
    "problem.condition_tree": {
        "en": "condition {condition} applies more than {limit} operators or filters one on another",
        "ja": "条件 {condition} で、演算子やフィルターが {limit} 段を超えて重なっています",
    },
    "problem.condition_value": {
        "en": "condition {condition} built a value of more than {limit} characters or items",
        "ja": "条件 {condition} が {limit} 文字（または要素）を超える値を作ろうとしました",
    },
    "problem.condition_work": {
        "en": "condition {condition} did more than {limit} units of work",
        "ja": "条件 {condition} の処理量が {limit} 単位を超えました",
    },
    "problem.unknown_top_key": {"en": "unknown top-level key {key}", "ja": "不明な最上位キー {key}"},
    "problem.other_questionnaire": {
        "en": "made with questionnaire {made}, but it is checked against {checked}",
        "ja": "質問票 {made} で作られていますが、{checked} で検査しています",
    },
    "problem.answer": {"en": "{qid}: {reason}", "ja": "{qid}：{reason}"},
    "problem.required": {
        "en": "required question {qid} has no answer",
        "ja": "必須の質問 {qid} に回答がありません",
    },
    "problem.decision_mapping": {
        "en": "'decision' must be a mapping (status, by, date, rationale)",
        "ja": "'decision' はマッピング（status、by、date、rationale）でなければなりません",
    },
    "problem.unknown_decision_key": {
        "en": "unknown decision key {key} (known: {known})",
        "ja": "不明な decision のキー {key}（使えるキー：{known}）",
    },
    "problem.decision_text": {
        "en": "decision {key} must be text",
        "ja": "decision の {key} は文字列にしてください",
    },
    "problem.decision_status": {
        "en": "decision status {status} is not one of {known}",
        "ja": "decision の status {status} は {known} のいずれでもありません",
    },
    "problem.decision_date": {
        "en": "decision 'date' must look like 2026-01-31",
        "ja": "decision の 'date' は 2026-01-31 の形式にしてください",
    },
    "problem.questionnaire_mapping": {
        "en": "'questionnaire' must be a mapping with 'id' and 'version'",
        "ja": "'questionnaire' は 'id' と 'version' を持つマッピングでなければなりません",
    },
    "problem.questionnaire_number": {
        "en": "questionnaire {key} must be a whole number",
        "ja": "questionnaire の {key} は整数にしてください",
    },
    "problem.unknown_questionnaire_key": {
        "en": "unknown questionnaire key {key}",
        "ja": "不明な questionnaire のキー {key}",
    },
    "problem.meta_mapping": {
        "en": "'meta' must be a mapping (feature, slug, owner, date)",
        "ja": "'meta' はマッピング（feature、slug、owner、date）でなければなりません",
    },
    "problem.unknown_meta_key": {
        "en": "unknown meta key {key} (known: {known})",
        "ja": "不明な meta のキー {key}（使えるキー：{known}）",
    },
    "problem.meta_text": {"en": "meta {key} must be text", "ja": "meta の {key} は文字列にしてください"},
    "problem.meta_missing": {"en": "meta {key} is missing", "ja": "meta の {key} がありません"},
    "problem.meta_date": {
        "en": "meta {key} must look like 2026-01-31",
        "ja": "meta の {key} は 2026-01-31 の形式にしてください",
    },
    "problem.meta_not_a_date": {
        "en": "meta {key} {value} is not a date in the calendar (month 01 to 12, a day that month has)",
        "ja": "meta の {key} {value} は暦にない日付です（月は 01〜12、日はその月にある日）",
    },
    "problem.decision_not_a_date": {
        "en": "decision 'date' {value} is not a date in the calendar (month 01 to 12, a day that month has)",
        "ja": "decision の 'date' {value} は暦にない日付です（月は 01〜12、日はその月にある日）",
    },
    "problem.questionnaire_too_new": {
        "en": "made with version {made} of questionnaire {qid}, but only versions 1 to {known} exist here; "
        "upgrade mlpdm (or the team questionnaire) to the one that wrote this file, or correct the version if it was typed by hand",
        "ja": "質問票 {qid} のバージョン {made} で作られていますが、ここにあるのはバージョン 1〜{known} だけです。"
        "このファイルを書いた mlpdm（またはチームの質問票）に更新するか、手で書いた値なら正しいバージョンに直してください",
    },
    "problem.base_too_new": {
        "en": "made with version {made} of the questionnaire {qid} extends, but only versions 1 to {known} exist here; "
        "upgrade mlpdm to the one that wrote this file, or correct base_version if it was typed by hand",
        "ja": "{qid} が拡張する質問票のバージョン {made} で作られていますが、ここにあるのはバージョン 1〜{known} だけです。"
        "このファイルを書いた mlpdm に更新するか、手で書いた値なら base_version を直してください",
    },
    "problem.front_text": {
        "en": "front matter field {key} must be text",
        "ja": "フロントマターの {key} は文字列でなければなりません",
    },
    "problem.front_choice": {
        "en": "front matter field {key} must be one of {known}",
        "ja": "フロントマターの {key} は {known} のいずれかでなければなりません",
    },
    "problem.front_digests": {
        "en": "front matter field 'digests' must be a mapping with the answers and brief digests (text)",
        "ja": "フロントマターの 'digests' は answers と brief のダイジェスト（文字列）を持つマッピングでなければなりません",
    },
    "problem.front_questionnaire": {
        "en": "front matter field 'questionnaire' must be a mapping with an id (text) and a version (a whole number)",
        "ja": "フロントマターの 'questionnaire' は id（文字列）と version（整数）を持つマッピングでなければなりません",
    },
    "problem.answers_mapping": {
        "en": "'answers' must be a mapping from question id to answer",
        "ja": "'answers' は質問 ID から回答へのマッピングでなければなりません",
    },
    "problem.unknown_question": {"en": "unknown question id {key}", "ja": "不明な質問 ID {key}"},
    "error.template_forbidden": {
        "en": "template {place} tried something the sandbox forbids: {reason}",
        "ja": "テンプレート {place} がサンドボックスで禁止された操作をしようとしました：{reason}",
    },
    "error.template_forbidden.hint": {
        "en": "Templates may only format the data they are given.",
        "ja": "テンプレートでできるのは、渡されたデータの整形だけです。",
    },
    "error.template_broken": {"en": "template {place}: {reason}", "ja": "テンプレート {place}：{reason}"},
    "error.template_broken.hint": {
        "en": "Fix the template, or remove it to use the shipped one.",
        "ja": "テンプレートを直すか、削除して同梱のテンプレートを使ってください。",
    },
    "error.template_runaway": {
        "en": "template {place} ran away: {reason}",
        "ja": "テンプレート {place} が止まらなくなりました：{reason}",
    },
    "error.template_runaway.hint": {
        "en": "Templates may only format the data they are given; remove the loop or recursion.",
        "ja": "テンプレートでできるのは、渡されたデータの整形だけです。そのループや再帰を取り除いてください。",
    },
    "error.template_nesting": {
        "en": "template {place} nests brackets, 'not', signs, 'if … else' or blocks more than {limit} levels deep",
        "ja": "テンプレート {place} で、括弧・'not'・符号・'if … else'・ブロックの入れ子が {limit} 段を超えています",
    },
    "error.template_nesting.hint": {
        "en": "Split the expression with {{% set %}}, or flatten the blocks.",
        "ja": "{{% set %}} で式を分けるか、ブロックの入れ子を浅くしてください。",
    },
    "error.template_tree": {
        "en": "template {place} applies more than {limit} operators, filters or statements one on another",
        "ja": "テンプレート {place} で、演算子・フィルター・文が {limit} 段を超えて重なっています",
    },
    "error.template_tree.hint": {
        "en": "Split the expression with {{% set %}}, or use a loop.",
        "ja": "{{% set %}} で式を分けるか、ループを使ってください。",
    },
    "error.template_value": {
        "en": "template {place} built a value of more than {limit} characters or items",
        "ja": "テンプレート {place} が {limit} 文字（または要素）を超える値を作ろうとしました",
    },
    "error.template_value.hint": {
        "en": "Templates may only format the data they are given; look for a huge width, count, repeat or join.",
        "ja": "テンプレートでできるのは、渡されたデータの整形だけです。極端な幅・回数・繰り返し・結合がないか確認してください。",
    },
    "error.template_work": {
        "en": "template {place} did more than {limit} units of work (a character built counts 1, a call or loop step 100)",
        "ja": "テンプレート {place} の処理量が {limit} 単位を超えました（作った 1 文字が 1、呼び出しやループ 1 回が 100）",
    },
    "error.template_work.hint": {
        "en": "Templates may only format the data they are given; remove the nested loops or the recursion.",
        "ja": "テンプレートでできるのは、渡されたデータの整形だけです。入れ子のループや再帰を取り除いてください。",
    },
    "error.template_output": {
        "en": "template {place} produced more than {limit} characters",
        "ja": "テンプレート {place} の出力が {limit} 文字を超えました",
    },
    "error.template_output.hint": {
        "en": "A brief is never that long; look for a loop that repeats its output.",
        "ja": "ブリーフがそこまで長くなることはありません。出力を繰り返しているループがないか確認してください。",
    },
    "error.template_failed": {
        "en": "template {place} failed: {reason}",
        "ja": "テンプレート {place} の実行に失敗しました：{reason}",
    },
    "error.template_failed.hint": {
        "en": "Fix the expression on that line, or remove the template to use the shipped one.",
        "ja": "その行の式を直すか、テンプレートを削除して同梱のテンプレートを使ってください。",
    },
    "error.template_no_message": {
        "en": "template {place} asks for the message {key!r}, which mlpdm does not have",
        "ja": "テンプレート {place} が、mlpdm にないメッセージ {key!r} を使っています",
    },
    "error.template_no_message.hint": {
        "en": "Use a key from mlpdm/core/text/messages.py, or write the text into the template.",
        "ja": "mlpdm/core/text/messages.py にあるキーを使うか、文をテンプレートに直接書いてください。",
    },
    "error.template_message_values": {
        "en": "template {place}: the message {key!r} needs the value {name!r}",
        "ja": "テンプレート {place}：メッセージ {key!r} には値 {name!r} が必要です",
    },
    "error.template_message_values.hint": {
        "en": "Pass it as t({key!r}, {name}=...).",
        "ja": "t({key!r}, {name}=...) のように渡してください。",
    },
    "error.template_not_file": {
        "en": "{path} is not a regular file (a device, pipe, socket or folder), so it cannot be a template",
        "ja": "{path} は通常のファイルではない（デバイス、パイプ、ソケット、フォルダー）ため、テンプレートとして使えません",
    },
    "error.template_not_file.hint": {
        "en": "Nothing was read from it. Remove it from the templates folder, or put the template file there.",
        "ja": "中身は読んでいません。テンプレートのフォルダーから取り除くか、テンプレートのファイルを置いてください。",
    },
    "error.template_dangling": {
        "en": "{path} is a symbolic link to something that does not exist, so it cannot be a template",
        "ja": "{path} は存在しないものを指すシンボリックリンクのため、テンプレートとして使えません",
    },
    "error.template_dangling.hint": {
        "en": "Remove the link, or restore the file it points to.",
        "ja": "リンクを削除するか、リンク先のファイルを戻してください。",
    },
    "error.condition_failed": {
        "en": "{place}: {what}: {reason}",
        "ja": "{place}：{what}：{reason}",
    },
    "error.condition_failed.hint": {
        "en": "Fix the condition in the questionnaire, then run `mlpdm questionnaire validate`.",
        "ja": "質問票の条件を直してから、`mlpdm questionnaire validate` を実行してください。",
    },
    "error.bad_slug": {
        "en": "{slug!r} cannot be used as a file name",
        "ja": "{slug!r} はファイル名に使えません",
    },
    "error.bad_slug.hint": {
        "en": "Slugs use letters, digits and hyphens only; mlpdm makes one from the feature name.",
        "ja": "スラッグに使えるのは文字、数字、ハイフンだけです。mlpdm が機能名から作ります。",
    },
    "error.bug": {
        "en": "mlpdm hit an internal error. This is a bug, not your mistake; please report it with the traceback above.",
        "ja": "mlpdm の内部エラーです。あなたの操作ミスではありません。上のトレースバックを添えて報告してください。",
    },
    # -- writing files safely: locks, changes under a writer, partial updates, bad bytes ------
    "error.plain": {"en": "{text}", "ja": "{text}"},
    "error.partly_written": {
        "en": "only part of the update was written: {problem}. Written: {written}. Left as they were: {left}",
        "ja": "更新の一部だけが書き込まれました：{problem}。書き込み済み：{written}。元のまま：{left}",
    },
    "error.partly_written.hint": {"en": "{then}", "ja": "{then}"},
    "error.cannot_remove": {
        "en": "cannot remove {path}: {reason}",
        "ja": "{path} を削除できません：{reason}",
    },
    "error.not_a_folder": {
        "en": "cannot write into {path}: it exists and is not a folder",
        "ja": "{path} の中に書き込めません：フォルダではないものがすでにあります",
    },
    "error.not_a_folder.hint": {
        "en": "Nothing was changed. Move that file away, or choose another folder (--dir, or 'docs_dir' in the configuration).",
        "ja": "何も変更していません。そのファイルを移動するか、別のフォルダを指定してください（--dir、または設定の 'docs_dir'）。",
    },
    "error.lock_not_file": {
        "en": "{lock} is not a regular file; mlpdm uses that path as the feature's lock",
        "ja": "{lock} は通常のファイルではありません。mlpdm はこのパスを機能のロックとして使います",
    },
    "error.lock_not_file.hint": {
        "en": "Nothing was changed. Remove it (it holds nothing of yours) and run the command again.",
        "ja": "何も変更していません。それを削除して（あなたのデータは入っていません）、もう一度実行してください。",
    },
    "error.answers_changed": {
        "en": "{path} changed on disk while this interview was running (an edit, a git command or another program); it was left unchanged",
        "ja": "このインタビューの実行中に {path} がディスク上で変更されました（編集、git コマンド、別のプログラム）。ファイルは変更していません",
    },
    "error.answers_changed.hint": {
        "en": "Your answers are saved in {draft}. Look at the change, then run the same `mlpdm interview` again and resume: it writes your answers over the file as it is then.",
        "ja": "回答は {draft} に保存されています。変更内容を確認してから同じ `mlpdm interview` を再実行して再開すると、その時点のファイルに回答を書き込みます。",
    },
    "error.changed_on_disk": {
        "en": "{path} changed on disk while mlpdm was working on it; it was left unchanged",
        "ja": "mlpdm の処理中に {path} がディスク上で変更されました。ファイルは変更していません",
    },
    "error.changed_on_disk.hint": {
        "en": "Run the command again: it starts from the file as it is now.",
        "ja": "もう一度実行してください。現在のファイルから処理し直します。",
    },
    "error.changed_while_deciding": {
        "en": "{path} changed on disk while the decision was being recorded; nothing was written",
        "ja": "決定を記録している間に {path} がディスク上で変更されました。何も書き込んでいません",
    },
    "error.changed_while_deciding.hint": {
        "en": "Run the same `mlpdm decide` again: it records the decision in the file as it is now.",
        "ja": "同じ `mlpdm decide` を再実行してください。現在のファイルに決定を記録します。",
    },
    "error.update_changed": {
        "en": "{path} changed on disk after mlpdm read it and before the update could start (an edit, a git command or another program); nothing was asked or written",
        "ja": "mlpdm が {path} を読み込んでから更新を始めるまでの間に、ファイルがディスク上で変更されました（編集、git コマンド、別のプログラム）。何も質問せず、何も書き込んでいません",
    },
    "error.update_changed.hint": {
        "en": "Look at the change, then run the same `mlpdm interview --update` again: it starts from the file as it is now.",
        "ja": "変更内容を確認してから、同じ `mlpdm interview --update` を再実行してください。現在のファイルから更新を始めます。",
    },
    "error.changed_while_rendering": {
        "en": "{path} changed on disk while the brief was being rendered; nothing was written",
        "ja": "ブリーフを生成している間に {path} がディスク上で変更されました。何も書き込んでいません",
    },
    "error.changed_while_rendering.hint": {
        "en": "Run the same `mlpdm render` again.",
        "ja": "同じ `mlpdm render` を再実行してください。",
    },
    "error.argument_not_utf8": {
        "en": "{what} holds a byte that is not UTF-8; expected UTF-8 text",
        "ja": "{what} に UTF-8 ではないバイトが含まれています。UTF-8 のテキストを指定してください",
    },
    "error.argument_not_utf8.hint": {
        "en": "Nothing was changed. Set the terminal (or the script) to UTF-8, e.g. LANG=C.UTF-8, and type it again.",
        "ja": "何も変更していません。端末（またはスクリプト）を UTF-8 に設定して（例：LANG=C.UTF-8）、入力し直してください。",
    },
    "error.update_not_extending": {
        "en": "{team} does not extend {made}, the questionnaire {path} was answered with, so its answers cannot be moved onto it",
        "ja": "{team} は、{path} の回答に使われた質問票 {made} を拡張していないため、回答を移せません",
    },
    "error.update_not_extending.hint": {
        "en": "Nothing was changed. To answer it from the start, move {path} and its brief out of this folder, then run: {command}",
        "ja": "何も変更していません。最初から回答するには、{path} とそのブリーフをこのフォルダから移してから、次を実行してください：{command}",
    },
    "error.piped_rejected": {
        "en": "input line {line} was not accepted for {asking}: {reason}",
        "ja": "入力の {line} 行目は、{asking}への回答として受け付けられません：{reason}",
    },
    "error.piped_rejected.hint": {"en": "{saved}", "ja": "{saved}"},
    "error.nul_in_setting": {
        "en": "{path}: the setting {key!r} holds a NUL character, which no file name can contain",
        "ja": "{path}：設定 {key!r} に NUL 文字が含まれています。ファイル名には使えません",
    },
    "error.nul_in_setting.hint": {
        "en": "Remove the \\u0000 (or \\x00) from that value.",
        "ja": "その値から \\u0000（または \\x00）を取り除いてください。",
    },
    "interview.asking.feature": {"en": "the feature name", "ja": "機能の名前"},
    "interview.asking.owner": {"en": "the owner", "ja": "オーナー"},
    "interview.asking.review": {"en": "the review screen", "ja": "確認画面"},
    "interview.asking.question": {"en": "the question “{prompt}”", "ja": "質問「{prompt}」"},
    "interview.asking.option": {"en": "the value of {option}", "ja": "{option} の値"},
    "interview.required": {"en": "an answer is needed here", "ja": "ここには回答が必要です"},
    "interview.expected_yes_no": {
        "en": "please answer yes or no (y / n); Enter means yes",
        "ja": "「はい」か「いいえ」で答えてください（y / n）。Enter は「はい」です",
    },
    "interview.not_utf8": {
        "en": "byte {byte} (at character {at}) is not UTF-8; expected UTF-8 text",
        "ja": "{at} 文字目のバイト {byte} は UTF-8 ではありません。UTF-8 のテキストを入力してください",
    },
    "interview.piped_saved": {
        "en": "The answers accepted so far are saved in {path}. Correct that line and run again: first a line 'y' to resume at this question (or 'n' to start over), then the remaining answers. Or run {command} at a terminal.",
        "ja": "ここまでに受け付けた回答は {path} に保存されています。その行を直して再実行してください：最初に再開を表す 'y' の行（やり直すなら 'n'）、続けて残りの回答。端末で {command} を実行しても再開できます。",
    },
    "interview.piped_nothing_saved": {
        "en": "No answer was accepted yet, so nothing was saved. Correct that line and run again.",
        "ja": "まだ受け付けた回答がないため、何も保存していません。その行を直して再実行してください。",
    },
    "interview.partly_written": {
        "en": "Your answers are in {answers} and the draft {draft} is kept: once the problem is fixed, run `mlpdm render {answers}` to write the brief.",
        "ja": "回答は {answers} にあり、下書き {draft} も残しています。問題を解決したら `mlpdm render {answers}` でブリーフを書き出してください。",
    },
    "interview.nothing_saved": {
        "en": "Nothing new was saved yet. To start again, run: {command}",
        "ja": "まだ新しい回答は保存されていません。やり直すには次を実行してください：{command}",
    },
    "decide.partly_written": {
        "en": "The decision is recorded in {answers}; once the problem is fixed, run `mlpdm render {answers}` to bring the brief up to date.",
        "ja": "決定は {answers} に記録されています。問題を解決したら `mlpdm render {answers}` でブリーフを最新にしてください。",
    },
    # -- the answers file's schema, for editors (mlpdm schema, check, new) ----------------------
    "schema.title": {
        "en": "mlpdm answers: {title} ({id} v{version})",
        "ja": "mlpdm の回答ファイル：{title}（{id} v{version}）",
    },
    "schema.description": {
        "en": "An answers file of questionnaire {id}: which questionnaire, facts about the feature, the team's decision and the answers. Run `mlpdm render` on it to write the brief.",
        "ja": "質問票 {id} の回答ファイルです。質問票、機能についての情報、チームの決定、回答を持ちます。`mlpdm render` でブリーフを書き出します。",
    },
    "schema.questionnaire": {
        "en": "The questionnaire these answers were made with.",
        "ja": "この回答を作った質問票。",
    },
    "schema.questionnaire_id": {"en": "The questionnaire's id.", "ja": "質問票の ID。"},
    "schema.questionnaire_version": {
        "en": "The questionnaire's version when answered (now {version}).",
        "ja": "回答したときの質問票のバージョン（現在は {version}）。",
    },
    "schema.meta": {"en": "Facts about the feature.", "ja": "機能についての情報。"},
    "schema.meta.feature": {"en": "The feature's name.", "ja": "機能の名前。"},
    "schema.meta.slug": {
        "en": "The file-name stem of this file and its brief.",
        "ja": "このファイルとブリーフのファイル名の元になる名前。",
    },
    "schema.meta.owner": {"en": "Who owns the brief.", "ja": "ブリーフのオーナー。"},
    "schema.meta.date": {"en": "When it was answered (YYYY-MM-DD).", "ja": "回答した日（YYYY-MM-DD）。"},
    "schema.meta.review_by": {
        "en": "When the brief is due for review (YYYY-MM-DD).",
        "ja": "ブリーフを見直す期限（YYYY-MM-DD）。",
    },
    "schema.decision": {
        "en": "The team's decision, recorded with `mlpdm decide`.",
        "ja": "`mlpdm decide` で記録するチームの決定。",
    },
    "schema.decision.status": {"en": "The decision.", "ja": "決定。"},
    "schema.decision.by": {"en": "Who decided.", "ja": "決定した人。"},
    "schema.decision.date": {"en": "When (YYYY-MM-DD).", "ja": "決定した日（YYYY-MM-DD）。"},
    "schema.decision.rationale": {"en": "Why, in the team's words.", "ja": "チーム自身の言葉での理由。"},
    "schema.decision.superseded_by": {
        "en": "The slug of the feature that replaces this one.",
        "ja": "この機能を置き換える機能のスラッグ。",
    },
    "schema.answers": {
        "en": "One answer per question id; leave a key empty for no answer.",
        "ja": "質問 ID ごとの回答。未回答ならキーを空のままにします。",
    },
    "schema.asked_when": {"en": "Asked only when {condition}.", "ja": "{condition} のときだけ尋ねます。"},
    "schema.optional": {"en": "Optional: leave it empty to skip.", "ja": "任意：空のままなら省略します。"},
    "schema.wrote": {
        "en": "Wrote the schema of questionnaire {id} (v{version}) to {path}.",
        "ja": "質問票 {id}（v{version}）のスキーマを {path} に書き出しました。",
    },
    "schema.not_kept": {
        "en": "The schema beside the answers could not be kept current ({reason}); `mlpdm check --fix` writes it once that is fixed.",
        "ja": "回答ファイルの横のスキーマを最新にできませんでした（{reason}）。問題を解決したら `mlpdm check --fix` で書き出せます。",
    },
    "check.schema_missing": {
        "en": "the first line points editors at {name}, which is missing; `mlpdm check --fix` writes it",
        "ja": "1 行目がエディタに {name} を示していますが、そのファイルがありません。`mlpdm check --fix` で書き出せます",
    },
    "check.schema_stale": {
        "en": "{name} is not the current schema of questionnaire {id} (v{version}); `mlpdm check --fix` rewrites it",
        "ja": "{name} は質問票 {id}（v{version}）の現在のスキーマではありません。`mlpdm check --fix` で書き直せます",
    },
    "check.schema_not_regular": {
        "en": "{name} is not a regular file, so it is neither read nor replaced",
        "ja": "{name} は通常のファイルではないため、読み込みも置き換えもしません",
    },
    "check.schema_written": {"en": "wrote the schema {path}", "ja": "スキーマ {path} を書き出しました"},
    "check.schema_rewritten": {"en": "rewrote the schema {path}", "ja": "スキーマ {path} を書き直しました"},
    # -- interview --data -------------------------------------------------------------------------
    "interview.prefilled": {
        "en": "{count} answer(s) came from {path}; {left} question(s) left to ask.",
        "ja": "{count} 件の回答を {path} から読み込みました。残りの質問は {left} 件です。",
    },
    "interview.prefill_rejected": {
        "en": "{place}: not used for “{label}”: {reason}. It is asked below.",
        "ja": "{place}：「{label}」には使いません（{reason}）。下で改めて尋ねます。",
    },
    "interview.progress_prefilled": {
        "en": "{answered} of {total} answered ({count} from {path})",
        "ja": "{total} 問中 {answered} 問回答済み（{path} から {count} 件）",
    },
    "error.data_not_mapping": {
        "en": "{path} holds no answers to prefill: expected question ids with their answers (`id: answer` on each line), or an mlpdm answers file",
        "ja": "{path} に読み込める回答がありません。質問 ID と回答（1 行に `id: 回答`）か、mlpdm の回答ファイルが必要です",
    },
    "error.data_not_mapping.hint": {
        "en": "See the ids with `mlpdm questionnaire show`, or start from a file `mlpdm new` writes.",
        "ja": "ID は `mlpdm questionnaire show` で確認できます。`mlpdm new` が書き出すファイルから始めることもできます。",
    },
    "error.data_invalid": {
        "en": "{path} cannot prefill the interview ({count} problem(s))",
        "ja": "{path} はインタビューの回答として読み込めません（問題 {count} 件）",
    },
    "error.data_invalid.hint": {
        "en": "Correct or remove each key listed (`mlpdm questionnaire show` lists the question ids), then run again.",
        "ja": "挙げたキーをそれぞれ直すか削除してから（質問 ID は `mlpdm questionnaire show` で確認できます）、もう一度実行してください。",
    },
    "error.data_with_update": {
        "en": "--data and --update cannot be combined",
        "ja": "--data と --update は同時に指定できません",
    },
    "error.data_with_update.hint": {
        "en": "Edit the answers file itself, then run `mlpdm render` on it; or start a new interview with --data.",
        "ja": "回答ファイルを直接編集してから `mlpdm render` を実行するか、--data で新しいインタビューを始めてください。",
    },
    # -- mlpdm new --------------------------------------------------------------------------------
    "error.new_exists": {
        "en": "{path} already exists; mlpdm new never writes over an answers file",
        "ja": "{path} はすでにあります。mlpdm new は回答ファイルを上書きしません",
    },
    "error.new_exists.hint": {
        "en": "Edit it and run `mlpdm render {path}`, revise it with `mlpdm interview {feature}`, or choose another name.",
        "ja": "そのファイルを編集して `mlpdm render {path}` を実行するか、`mlpdm interview {feature}` で見直すか、別の名前を付けてください。",
    },
    "error.new_no_name": {"en": "the feature's name is empty", "ja": "機能の名前が空です"},
    "error.new_no_name.hint": {
        "en": 'Give the feature a name, e.g. mlpdm new "Invoice OCR".',
        "ja": "機能の名前を指定してください。例：mlpdm new「請求書OCR」",
    },
    "new.wrote": {
        "en": "Wrote {path}: every question is there as a comment above an empty key.",
        "ja": "{path} を書き出しました。すべての質問が、空のキーの上にコメントとして書かれています。",
    },
    "new.schema": {
        "en": "Kept {schema} beside it: an editor with a YAML language server checks the answers as you type.",
        "ja": "横に {schema} を置きました。YAML Language Server 対応のエディタなら、入力しながら回答を確認できます。",
    },
    "new.next": {
        "en": "Fill in the answers in your editor, then run: mlpdm render {path}",
        "ja": "エディタで回答を記入してから、次を実行してください：mlpdm render {path}",
    },
    "new.header": {
        "en": "mlpdm answers for {feature}: fill in each answer after its key, then run",
        "ja": "{feature} の mlpdm 回答ファイル：各キーの後に回答を記入してから、次を実行してください",
    },
    "new.header_empty": {
        "en": "A key left empty has no answer: a required question still needs one, an optional one is skipped.",
        "ja": "空のキーは未回答です。必須の質問には回答が必要で、任意の質問は省略になります。",
    },
    "new.section": {"en": "Section: {title}", "ja": "セクション：{title}"},
    "new.required": {"en": "required", "ja": "必須"},
    "new.optional": {"en": "optional, leave empty to skip", "ja": "任意。空なら省略"},
    "new.why": {"en": "Why it matters: {text}", "ja": "なぜ重要か：{text}"},
    "new.example": {"en": "Example: {text}", "ja": "例：{text}"},
    "new.when": {"en": "Asked only when {condition}.", "ja": "{condition} のときだけ尋ねます。"},
    "new.choices": {"en": "One of:", "ja": "次のどれか 1 つ："},
    "new.multi": {
        "en": "One or more, as a list such as [{first}]:",
        "ja": "1 つ以上を [{first}] のようなリストで：",
    },
    "new.type.yesno": {"en": "Answer yes or no{unsure}.", "ja": "yes か no で回答{unsure}。"},
    "new.type.unsure": {"en": " (or unsure)", "ja": "（または unsure）"},
    "new.type.number": {"en": "A number{bounds}.", "ja": "数値{bounds}。"},
    "new.type.bounds": {"en": " from {min} to {max}", "ja": "（{min}〜{max}）"},
    "new.type.min": {"en": " of at least {min}", "ja": "（{min} 以上）"},
    "new.type.max": {"en": " of at most {max}", "ja": "（{max} 以下）"},
    "new.type.integer": {"en": "A whole number{bounds}.", "ja": "整数{bounds}。"},
    "new.type.text": {"en": "One line of text.", "ja": "1 行のテキスト。"},
    "new.type.longtext": {
        "en": "Text; for several lines write `|` after the key and indent the lines below it.",
        "ja": "テキスト。複数行ならキーの後に `|` を書き、次の行から字下げして書きます。",
    },
    "new.type.list": {
        "en": "A list: one `- item` per line below the key.",
        "ja": "リスト。キーの下に 1 行ずつ `- 項目` と書きます。",
    },
}
MESSAGES.update(HELP)


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: Any) -> str:
    """The message ``key`` in ``lang`` (falling back to English), with ``params`` filled in."""
    entry = MESSAGES[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text
