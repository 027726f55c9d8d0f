"""Every user-facing string of the program (not of the questionnaire), in each language."""

from __future__ import annotations

from typing import Any

from mlpdm.core.text import DEFAULT_LANGUAGE

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
        "ja": "この設計のままでは作らないでください。各ブロッカーに、解消するための設計変更を示しています。",
    },
    "verdict.no-go-not-needed.explain": {
        "en": "A simpler approach does the job. Build that instead; the brief says when ML would be worth revisiting.",
        "ja": "より単純な方法で目的を達成できます。そちらを作り、ML を再検討すべき時期はこのブリーフに記載しています。",
    },
    "verdict.not-ready.explain": {
        "en": "Prerequisites are missing. Put them in place, update the answers and render the brief again.",
        "ja": "前提条件が欠けています。整えたうえで回答を更新し、ブリーフを再生成してください。",
    },
    "verdict.go-with-conditions.explain": {
        "en": "Go ahead, provided the conditions below are in place before launch.",
        "ja": "以下の条件をリリース前に満たすことを前提に、進めてください。",
    },
    "verdict.go.explain": {
        "en": "No blocker, missing prerequisite or condition was found. Keep the notes in mind.",
        "ja": "ブロッカー・前提条件の不足・条件は見つかりませんでした。注記に留意してください。",
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
    # -- brief -------------------------------------------------------------------------------
    "brief.title": {"en": "{feature} — ML design brief", "ja": "{feature} — ML 設計ブリーフ"},
    "brief.recommendation": {"en": "Recommendation", "ja": "推奨"},
    "brief.owner": {"en": "Owner", "ja": "オーナー"},
    "brief.date": {"en": "Date", "ja": "日付"},
    "brief.questionnaire": {"en": "Questionnaire", "ja": "質問票"},
    "brief.answers_file": {"en": "Answers", "ja": "回答ファイル"},
    "brief.unknown_owner": {"en": "not named", "ja": "未記入"},
    "brief.problem": {"en": "The user problem", "ja": "ユーザーの課題"},
    "brief.findings": {"en": "Findings", "ja": "所見"},
    "brief.why": {"en": "Why this verdict", "ja": "この判定の理由"},
    "brief.why.go": {
        "en": "No rule of the questionnaire raised a blocker, a missing prerequisite or a condition for these answers.",
        "ja": "これらの回答に対し、質問票のどのルールもブロッカー・前提条件の不足・条件を挙げませんでした。",
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
    "brief.question": {"en": "Question", "ja": "質問"},
    "brief.answer": {"en": "Answer", "ja": "回答"},
    "brief.open_questions": {"en": "Open questions", "ja": "未解決の質問"},
    "brief.open_questions.intro": {
        "en": "Answered “not sure” or left blank. The rules treat “not sure” as the riskier answer; settle these to sharpen the verdict.",
        "ja": "「わからない」と回答した、または空欄の質問です。ルールは「わからない」をよりリスクの高い回答として扱います。解決すると判定が明確になります。",
    },
    "brief.open_questions.none": {
        "en": "None: every question that applies has an answer.",
        "ja": "ありません。該当する質問にはすべて回答があります。",
    },
    "brief.next_steps": {"en": "Next steps", "ja": "次のステップ"},
    "brief.next_steps.none": {
        "en": "Nothing is required; see the notes.",
        "ja": "必須の対応はありません。注記を参照してください。",
    },
    "brief.coverage": {"en": "Checklist coverage", "ja": "チェックリストの網羅状況"},
    "brief.coverage.point": {"en": "Point", "ja": "観点"},
    "brief.coverage.questions": {"en": "Questions answered", "ja": "回答した質問"},
    "brief.coverage.findings": {"en": "Findings", "ja": "所見"},
    "brief.coverage.skipped": {"en": "— (not asked on this path)", "ja": "—（この回答経路では質問なし）"},
    "brief.footer": {
        "en": "Generated by mlpdm from {answers}. To change this brief, edit the answers (or run `mlpdm interview` again) and run `mlpdm render` on that file; do not edit the brief by hand.",
        "ja": "mlpdm が {answers} から生成しました。変更するときは回答を編集（または `mlpdm interview` を再実行）し、そのファイルに `mlpdm render` を実行してください。ブリーフを直接編集しないでください。",
    },
    "brief.glossary": {"en": "Terms used", "ja": "用語"},
    # -- interview ---------------------------------------------------------------------------
    "interview.intro.title": {"en": "mlpdm — ML design review", "ja": "mlpdm — ML 設計レビュー"},
    "interview.intro.body": {
        "en": (
            "You will answer about {count} questions in {sections} short sections: the user problem, "
            "whether ML is needed at all, errors and harm, metric and KPI, evaluation data, fairness, "
            "privacy and regulation, and rollout. It takes 10–15 minutes. At the end you review every "
            "answer, then mlpdm writes a design brief with a go/no-go recommendation.\n\n"
            "  ?        why a question matters (and what its terms mean)\n"
            "  <        go back to the previous question\n"
            "  Enter    keep the answer shown in [brackets], or skip an optional question\n"
            "  Ctrl-C   stop; every answer is already saved, and running the same command resumes"
        ),
        "ja": (
            "{sections} つの短いセクションで約 {count} 問に答えます：ユーザーの課題、そもそも ML が必要か、"
            "誤りと害、指標と KPI、評価データ、公平性、プライバシーと規制、リリース。所要時間は 10〜15 分です。"
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
        "en": "There is no answer number {number}; choose 1-{count}.",
        "ja": "{number} 番の回答はありません。1〜{count} から選んでください。",
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
    "interview.written": {"en": "Wrote", "ja": "書き出しました"},
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
    # -- errors ------------------------------------------------------------------------------
    "error.label": {"en": "Error", "ja": "エラー"},
    "error.hint": {"en": "Hint", "ja": "ヒント"},
    "error.bug": {
        "en": "mlpdm hit an internal error. This is a bug, not your mistake; please report it with the traceback above.",
        "ja": "mlpdm の内部エラーです。あなたの操作ミスではありません。上のトレースバックを添えて報告してください。",
    },
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: Any) -> str:
    """The message ``key`` in ``lang`` (falling back to English), with ``params`` filled in."""
    entry = MESSAGES[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text
