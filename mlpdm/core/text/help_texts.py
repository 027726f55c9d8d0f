"""Help texts of the command line in both languages, keyed by command path and parameter name.

``help.<command path>`` is a command's help; ``help.<command path>.<parameter>`` an option's
or argument's, falling back to ``help.param.<parameter>`` for options many commands share.
mlpdm/cli/localize.py puts them into the command tree before the help is shown.
"""

from __future__ import annotations

HELP: dict[str, dict[str, str]] = {
    # -- shared options -------------------------------------------------------------------------
    "help.option.help": {"en": "Show this message and exit.", "ja": "このヘルプを表示して終了します。"},
    "help.param.lang": {
        "en": "Language: en or ja (default: the global --lang, then the configuration, then the locale).",
        "ja": "言語：en または ja（既定：全体の --lang、次に設定ファイル、次にロケール）。",
    },
    "help.param.questionnaire": {
        "en": "Questionnaire id (see `mlpdm questionnaire list`) or path to a YAML file.",
        "ja": "質問票の ID（`mlpdm questionnaire list` を参照）または YAML ファイルのパス。",
    },
    "help.param.answers": {
        "en": "The answers file (…/<slug>.answers.yaml).",
        "ja": "回答ファイル（…/<slug>.answers.yaml）。",
    },
    "help.param.directory": {
        "en": "The docs directory (default: 'docs_dir' from the configuration, else docs/mlpdm).",
        "ja": "ドキュメントのディレクトリ（既定：設定の 'docs_dir'、なければ docs/mlpdm）。",
    },
    "help.param.ref": {
        "en": "A questionnaire id (see `mlpdm questionnaire list`) or a path to a YAML file.",
        "ja": "質問票の ID（`mlpdm questionnaire list` を参照）または YAML ファイルのパス。",
    },
    "help.param.confidence": {
        "en": "Confidence level, e.g. 0.95 or 95.",
        "ja": "信頼水準。例：0.95 または 95。",
    },
    "help.param.as_json": {"en": "Print the numbers as JSON.", "ja": "数値を JSON で出力します。"},
    "help.param.fmt": {"en": "text, or json for scripts.", "ja": "text、またはスクリプト向けの json。"},
    # -- mlpdm ----------------------------------------------------------------------------------
    "help.mlpdm": {
        "en": "Walk an ML or LLM feature through the MLPdM checklist and write a Markdown design "
        "brief with a go/no-go recommendation.\n\n"
        'Start with: mlpdm interview "Feature name"',
        "ja": "ML や LLM を使う機能を MLPdM のチェックリストに沿って確認し、GO / NO-GO の推奨を"
        "含む Markdown の設計ブリーフを書き出します。\n\n"
        "はじめに：mlpdm interview「機能名」（例：mlpdm interview 請求書OCR）",
    },
    "help.mlpdm.lang": {
        "en": "Language of prompts, messages and briefs: en or ja (default: the configuration, "
        "then the locale).",
        "ja": "質問、メッセージ、ブリーフの言語：en または ja（既定：設定ファイル、次にロケール）。",
    },
    "help.mlpdm.version": {"en": "Show the version and exit.", "ja": "バージョンを表示して終了します。"},
    "help.mlpdm.install_completion": {
        "en": "Install Tab completion for bash, zsh or fish (default: the shell mlpdm runs in) and exit.",
        "ja": "bash、zsh、fish の Tab 補完をインストールして終了します（既定：mlpdm を動かしているシェル）。",
    },
    "help.mlpdm.show_completion": {
        "en": "Print the completion script for bash, zsh or fish (default: the shell mlpdm runs in) "
        "and exit.",
        "ja": "bash、zsh、fish の補完スクリプトを表示して終了します（既定：mlpdm を動かしているシェル）。",
    },
    # -- interview ------------------------------------------------------------------------------
    "help.mlpdm.interview": {
        "en": "Answer a guided interview about a feature and get a design brief with a go/no-go verdict.\n\n"
        "Every answer is saved as you go (in <dir>/<slug>.draft.yaml); Ctrl-C stops and running "
        "the same command again resumes. At the end you review all answers, then mlpdm writes "
        "<dir>/<slug>.answers.yaml and <dir>/<slug>.md and shows the verdict.\n\n"
        "Keys at any question: ? why it matters, < back, Enter keep the shown answer. "
        "Without a terminal, one answer is read per line from standard input; the first line "
        "not accepted stops the run.\n\n"
        "Exit codes: 0 written, 2 bad input or end of input, 130 Ctrl-C (129 terminal closed, "
        "143 SIGTERM); the draft is kept in each case.\n\n"
        'Example: mlpdm interview "Invoice OCR"',
        "ja": "機能についてのガイド付きインタビューに答え、GO / NO-GO の判定つきの設計ブリーフを"
        "受け取ります。\n\n"
        "回答は 1 問ごとに保存されます（<dir>/<slug>.draft.yaml）。Ctrl-C で中断でき、同じ"
        "コマンドをもう一度実行すると再開します。最後にすべての回答を確認すると、"
        "<dir>/<slug>.answers.yaml と <dir>/<slug>.md を書き出し、判定を表示します。\n\n"
        "どの質問でも使えるキー：?（理由の説明）、<（前に戻る）、Enter（表示中の回答のまま進む）。"
        "端末がない場合は、標準入力から 1 行に 1 つずつ回答を読み取り、受け付けられない行が"
        "あればそこで止まります。\n\n"
        "終了コード：0 書き出し完了、2 入力の誤りまたは入力の終わり、130 Ctrl-C（端末が閉じられた"
        "場合 129、SIGTERM は 143）。いずれの場合も下書きは残ります。\n\n"
        "例：mlpdm interview 請求書OCR --lang ja",
    },
    "help.mlpdm.interview.name": {
        "en": 'The feature\'s name, e.g. "Invoice OCR" (asked if omitted).',
        "ja": "機能の名前。例：「請求書OCR」（省略すると質問します）。",
    },
    "help.mlpdm.interview.directory": {
        "en": "Where the answers and the brief are written (default: 'docs_dir' from the "
        "configuration, else docs/mlpdm).",
        "ja": "回答とブリーフの書き出し先（既定：設定の 'docs_dir'、なければ docs/mlpdm）。",
    },
    "help.mlpdm.interview.owner": {
        "en": "Owner of the brief (asked if omitted).",
        "ja": "ブリーフのオーナー（省略すると質問します）。",
    },
    "help.mlpdm.interview.data": {
        "en": "Prefill answers from FILE (an answers file, or `question_id: answer` lines): only what "
        "it leaves out, or what does not fit, is asked.",
        "ja": "FILE（回答ファイル、または `質問ID: 回答` の行）から回答を読み込みます。"
        "FILE にない回答と合わない回答だけを尋ねます。",
    },
    "help.mlpdm.interview.update": {
        "en": "Ask only the questions added or changed since FILE was answered, then re-render. "
        "With --questionnaire naming a team questionnaire that extends FILE's, move the answers "
        "onto it, asking only its own questions.",
        "ja": "FILE に回答した後で追加・変更された質問だけを尋ね、ブリーフを作り直します。"
        "--questionnaire に FILE の質問票を拡張したチームの質問票を指定すると、回答をそちらへ"
        "移し、その質問票で加わった質問だけを尋ねます。",
    },
    # -- render ---------------------------------------------------------------------------------
    "help.mlpdm.render": {
        "en": "Render the brief from each answers file, with no questions asked.\n\n"
        "The output depends only on the answers file (and the questionnaire and templates), so "
        "rendering twice gives the same bytes: CI can re-render and compare. With several "
        "files, one that cannot be rendered is reported and the others are still written "
        "(exit 2 at the end).\n\n"
        "Example: mlpdm render docs/mlpdm/invoice-ocr.answers.yaml",
        "ja": "各回答ファイルからブリーフを生成します。質問はしません。\n\n"
        "出力は回答ファイル（と質問票、テンプレート）だけで決まるため、何度生成しても同じ"
        "バイト列になります。CI で生成し直して比較できます。複数のファイルを指定した場合、"
        "生成できないファイルは報告し、ほかのファイルは書き出します（最後に終了コード 2）。\n\n"
        "例：mlpdm render docs/mlpdm/invoice-ocr.answers.yaml --lang ja",
    },
    "help.mlpdm.render.answers": {
        "en": "One or more answers files (…/<slug>.answers.yaml).",
        "ja": "1 つ以上の回答ファイル（…/<slug>.answers.yaml）。",
    },
    "help.mlpdm.render.output": {
        "en": "Where to write (one answers file only); '-' for standard output. Default: next to "
        "the answers file (<slug>.md or <slug>.json).",
        "ja": "書き出し先（回答ファイルが 1 件のときだけ）。'-' なら標準出力。既定：回答ファイルと"
        "同じ場所（<slug>.md または <slug>.json）。",
    },
    "help.mlpdm.render.fmt": {
        "en": "md: the Markdown brief; json: the same as data.",
        "ja": "md：Markdown のブリーフ。json：同じ内容をデータとして出力。",
    },
    "help.mlpdm.render.force": {
        "en": "Overwrite an output file that mlpdm did not write.",
        "ja": "mlpdm が書いたものではない出力ファイルも上書きします。",
    },
    # -- check and index -----------------------------------------------------------------------
    "help.mlpdm.check": {
        "en": "Check every answers file and brief: valid, current, not edited by hand, reviewed on time.\n\n"
        "One line per problem with its path; exit 0 when clean, 1 when a check fails, 2 on usage "
        "errors. For CI and pre-commit; --format github annotates each problem's file and line "
        "in a pull request.\n\n"
        "Example: mlpdm check --fail-on no-go-risk",
        "ja": "すべての回答ファイルとブリーフを検査します：有効か、最新か、手で編集されていないか、"
        "期限どおりに見直されているか。\n\n"
        "問題ごとにパスつきで 1 行を出力します。問題がなければ終了コード 0、検査に失敗すれば 1、"
        "使い方の誤りなら 2。CI と pre-commit 向けです。--format github なら、プルリクエストで"
        "各問題をそのファイルと行に注釈として表示します。\n\n"
        "例：mlpdm check --fail-on no-go-risk",
    },
    "help.mlpdm.check.fix": {
        "en": "Re-render briefs that are missing or stale, and the index.",
        "ja": "ないブリーフや古くなったブリーフ、一覧ページを生成し直します。",
    },
    "help.mlpdm.check.force": {
        "en": "With --fix, also overwrite briefs edited by hand.",
        "ja": "--fix と併用すると、手で編集されたブリーフも上書きします。",
    },
    "help.mlpdm.check.fail_on": {
        "en": "Fail when a brief's verdict is one of these, e.g. no-go-risk,not-ready.",
        "ja": "ブリーフの判定がこれらのどれかなら失敗にします。例：no-go-risk,not-ready",
    },
    "help.mlpdm.check.strict": {
        "en": "Fail on warnings too (e.g. overdue reviews).",
        "ja": "警告（見直し期限切れなど）でも失敗にします。",
    },
    "help.mlpdm.check.fmt": {
        "en": "text; json for scripts; github for GitHub Actions annotations "
        "(each problem on its file and line in a pull request).",
        "ja": "text、スクリプト向けの json、GitHub Actions の注釈になる github"
        "（プルリクエストで各問題がそのファイルと行に表示されます）。",
    },
    "help.mlpdm.index": {
        "en": "Write the portfolio page: every brief with its verdict, decision, owner and top reason.\n\n"
        "Written to <docs>/README.md by default ('index' in the configuration), with counts by "
        "verdict and a Mermaid pie chart. Deterministic, so `mlpdm check` can tell when it is stale. "
        "An answers file that cannot be read is named and left out; the page is still written "
        "and the exit code is 2.\n\n"
        "Example: mlpdm index",
        "ja": "一覧ページを書き出します：すべてのブリーフの判定、決定、オーナー、主な理由。\n\n"
        "既定の書き出し先は <docs>/README.md（設定の 'index'）で、判定ごとの件数と Mermaid の"
        "円グラフを含みます。出力は決定的なので、古くなると `mlpdm check` が検出できます。"
        "読めない回答ファイルは名前を示して除外し、ページは書き出したうえで終了コード 2 を返します。\n\n"
        "例：mlpdm index",
    },
    "help.mlpdm.index.output": {
        "en": "Where to write; '-' for standard output.",
        "ja": "書き出し先。'-' なら標準出力。",
    },
    "help.mlpdm.index.force": {
        "en": "Replace an index file mlpdm did not write.",
        "ja": "mlpdm が書いたものではない一覧ファイルも置き換えます。",
    },
    # -- diff -----------------------------------------------------------------------------------
    "help.mlpdm.diff": {
        "en": "Show what changed in the answers since a base commit, and what it does to each verdict.\n\n"
        "Markdown for a job summary or a pull-request comment: each feature whose verdict, top "
        "reason, team decision or findings changed, before → after, with the answers that changed; "
        "new and deleted features. mlpdm decides both sides from the answers (with today's "
        "questionnaire); no verdict is read from a brief. The base versions come from git.\n\n"
        'Example: mlpdm diff --base origin/main >> "$GITHUB_STEP_SUMMARY"',
        "ja": "比較元のコミット以降に回答ファイルがどう変わり、各判定がどう変わるかを表示します。\n\n"
        "ジョブのサマリーやプルリクエストのコメント向けの Markdown です。判定、主な理由、チームの"
        "決定、指摘のどれかが変わった機能ごとに変更前 → 変更後と変更された回答を示し、新しい機能と"
        "削除された機能も示します。どちらの側も mlpdm が回答から（現在の質問票で）判定し、ブリーフに"
        "書かれた判定は読みません。比較元の版は git から読みます。\n\n"
        '例：mlpdm diff --base origin/main >> "$GITHUB_STEP_SUMMARY"',
    },
    "help.mlpdm.diff.base": {
        "en": "The commit, branch or tag to compare with (default: the merge-base of HEAD and the "
        "default branch — origin/HEAD, else origin/main, origin/master, main or master — else HEAD).",
        "ja": "比較元のコミット、ブランチ、タグ（既定：HEAD と既定ブランチ（origin/HEAD、なければ "
        "origin/main、origin/master、main、master）のマージベース。見つからなければ HEAD）。",
    },
    "help.mlpdm.diff.fmt": {
        "en": "md (Markdown), or json for scripts.",
        "ja": "md（Markdown）、またはスクリプト向けの json。",
    },
    "help.mlpdm.index.fail_on_change": {
        "en": "Exit 1 when the page had to be written or changed (for pre-commit and CI); "
        "exit 0 when it was already current.",
        "ja": "ページを書き出す・変更する必要があったときは終了コード 1 を返します（pre-commit や CI 向け）。"
        "すでに最新なら 0 です。",
    },
    # -- decide ---------------------------------------------------------------------------------
    "help.mlpdm.decide": {
        "en": "Record the team's decision (like an architecture decision record) and re-render the brief.\n\n"
        "The brief then shows the tool's recommendation and the team's decision side by side. "
        "Going against the recommendation needs a --rationale; superseded needs --superseded-by.\n\n"
        'Example: mlpdm decide docs/mlpdm/invoice-ocr.answers.yaml accepted --by "Aiko Tanaka"',
        "ja": "チームの決定を記録し（アーキテクチャ決定記録のように）、ブリーフを生成し直します。\n\n"
        "ブリーフにはツールの推奨とチームの決定が並んで表示されます。推奨に反する決定には"
        "--rationale が、superseded には --superseded-by が必要です。\n\n"
        "例：mlpdm decide docs/mlpdm/invoice-ocr.answers.yaml accepted --by 田中",
    },
    "help.mlpdm.decide.status": {
        "en": "accepted, rejected, superseded (or draft to reopen).",
        "ja": "accepted（採用）、rejected（不採用）、superseded（置き換え）。draft で決定前に戻します。",
    },
    "help.mlpdm.decide.by": {
        "en": "Who decided (default: git user.name).",
        "ja": "決定した人（既定：git の user.name）。",
    },
    "help.mlpdm.decide.rationale": {
        "en": "Why, in your own words (required when going against the recommendation).",
        "ja": "理由を自分の言葉で（推奨に反する決定では必須）。",
    },
    "help.mlpdm.decide.superseded_by": {
        "en": "Slug of the brief that replaces this one.",
        "ja": "このブリーフを置き換えるブリーフのスラッグ。",
    },
    "help.mlpdm.decide.force": {
        "en": "Re-render a brief even if it was edited by hand.",
        "ja": "手で編集されたブリーフでも生成し直します。",
    },
    # -- new ------------------------------------------------------------------------------------
    "help.mlpdm.new": {
        "en": "Write a feature's answers file with every question as a comment, to fill in an editor.\n\n"
        "Each question's prompt, why it matters, its choices and when it is asked are written "
        "above an empty key; the schema kept beside the file lets an editor check the answers as "
        "you type. Then run `mlpdm render` on the file. An existing answers file is never replaced.\n\n"
        'Example: mlpdm new "Invoice OCR" --owner "Aiko Tanaka"',
        "ja": "すべての質問をコメントとして書いた回答ファイルを作り、エディタで記入できるようにします。\n\n"
        "各質問の文、なぜ重要か、選択肢、尋ねる条件を空のキーの上に書きます。横に置くスキーマで、"
        "エディタが入力中の回答を確認できます。記入したら `mlpdm render` を実行してください。"
        "既存の回答ファイルは置き換えません。\n\n"
        "例：mlpdm new 請求書OCR --owner 田中",
    },
    "help.mlpdm.new.name": {
        "en": 'The feature\'s name, e.g. "Invoice OCR".',
        "ja": "機能の名前。例：「請求書OCR」。",
    },
    "help.mlpdm.new.directory": {
        "en": "Where the answers file is written (default: 'docs_dir' from the configuration, "
        "else docs/mlpdm).",
        "ja": "回答ファイルの書き出し先（既定：設定の 'docs_dir'、なければ docs/mlpdm）。",
    },
    "help.mlpdm.new.owner": {"en": "Owner of the brief.", "ja": "ブリーフのオーナー。"},
    # -- schema ---------------------------------------------------------------------------------
    "help.mlpdm.schema": {
        "en": "Write the JSON Schema (draft 2020-12) of the answers files of a questionnaire.\n\n"
        "Editors with a YAML language server (VS Code's YAML extension and others) use it to check "
        "answers and offer the choices as you type. Interviews, `mlpdm new` and `mlpdm decide` keep "
        "one beside the answers files already; this prints it, or writes it with --out.\n\n"
        "Example: mlpdm schema default --out docs/mlpdm/default.schema.json",
        "ja": "質問票の回答ファイルの JSON Schema（draft 2020-12）を書き出します。\n\n"
        "YAML Language Server 対応のエディタ（VS Code の YAML 拡張など）は、これで入力中の回答を確認し、"
        "選択肢を候補に出します。インタビュー、`mlpdm new`、`mlpdm decide` は回答ファイルの横に"
        "すでに置いています。このコマンドは表示するか、--out で書き出します。\n\n"
        "例：mlpdm schema default --out docs/mlpdm/default.schema.json",
    },
    "help.mlpdm.schema.ref": {
        "en": "Questionnaire id or path (default: the configured questionnaire).",
        "ja": "質問票の ID またはパス（既定：設定の質問票）。",
    },
    "help.mlpdm.schema.out": {
        "en": "Write the schema to FILE instead of the standard output.",
        "ja": "スキーマを標準出力ではなく FILE に書き出します。",
    },
    # -- config ---------------------------------------------------------------------------------
    "help.mlpdm.config": {
        "en": "Show the effective configuration: each setting, its value and where it came from.\n\n"
        "Settings live in mlpdm.toml, or under [tool.mlpdm] in pyproject.toml, at the repo root "
        "(found by walking up to .git or the config file, so commands work from any subfolder).\n\n"
        "Example: mlpdm config",
        "ja": "実際に使われる設定を表示します：各設定の値と、その値がどこから来たか。\n\n"
        "設定はリポジトリのルートの mlpdm.toml、または pyproject.toml の [tool.mlpdm] に書きます"
        "（.git か設定ファイルまでさかのぼって探すので、どのサブフォルダーからでも動きます）。\n\n"
        "例：mlpdm config",
    },
    "help.mlpdm.config.as_json": {"en": "Print as JSON.", "ja": "JSON で出力します。"},
    # -- questionnaire --------------------------------------------------------------------------
    "help.mlpdm.questionnaire": {
        "en": "List, show and validate questionnaires (the shipped ones or your team's own YAML file).",
        "ja": "質問票の一覧、表示、検証（同梱のもの、またはチーム独自の YAML ファイル）。",
    },
    "help.mlpdm.questionnaire.list": {
        "en": "List the questionnaires shipped with mlpdm.\n\nExample: mlpdm questionnaire list",
        "ja": "mlpdm に同梱の質問票を一覧します。\n\n例：mlpdm questionnaire list",
    },
    "help.mlpdm.questionnaire.show": {
        "en": "Show a questionnaire's sections, questions, conditions and rules.\n\n"
        "Example: mlpdm questionnaire show default",
        "ja": "質問票のセクション、質問、条件、ルールを表示します。\n\n例：mlpdm questionnaire show default",
    },
    "help.mlpdm.questionnaire.validate": {
        "en": "Check a questionnaire: structure, ids, conditions, references, translations.\n\n"
        "Lists every problem with its file and line and exits with code 2; exits 0 when valid.\n\n"
        "Example: mlpdm questionnaire validate questionnaires/default.yaml",
        "ja": "質問票を検査します：構造、ID、条件、参照、翻訳。\n\n"
        "問題をすべてファイルと行番号つきで挙げ、終了コード 2 で終わります。有効なら 0。\n\n"
        "例：mlpdm questionnaire validate questionnaires/default.yaml",
    },
    # -- stats ----------------------------------------------------------------------------------
    "help.mlpdm.stats": {
        "en": "Evaluation statistics: sample sizes, Wilson intervals against a launch bar, "
        "the rule of three.",
        "ja": "評価の統計：必要なサンプル数、リリース基準と比べる Wilson 区間、3 の法則。",
    },
    "help.mlpdm.stats.interval": {
        "en": "The Wilson interval of an observed rate, and whether its lower bound clears the bar.\n\n"
        "Example: mlpdm stats interval 45 50 --target 0.9",
        "ja": "観測した割合の Wilson 区間と、その下限がリリース基準を上回るかどうか。\n\n"
        "例：mlpdm stats interval 45 50 --target 0.9",
    },
    "help.mlpdm.stats.interval.correct": {
        "en": "How many were right (successes).",
        "ja": "正しかった件数（成功数）。",
    },
    "help.mlpdm.stats.interval.total": {
        "en": "How many were checked (trials).",
        "ja": "確認した件数（試行数）。",
    },
    "help.mlpdm.stats.interval.target": {
        "en": "Launch bar to compare with, e.g. 0.9 or 90.",
        "ja": "比べるリリース基準。例：0.9 または 90。",
    },
    "help.mlpdm.stats.sample-size": {
        "en": "How many items to label to know a rate within ±margin: n = z²·p(1−p)/e².\n\n"
        "Example: mlpdm stats sample-size --margin 0.03 --expected 0.9 --prevalence 0.02 --segments 3",
        "ja": "割合を ±誤差の範囲で知るためにラベル付けが必要な件数：n = z²·p(1−p)/e²。\n\n"
        "例：mlpdm stats sample-size --margin 0.03 --expected 0.9 --prevalence 0.02 --segments 3",
    },
    "help.mlpdm.stats.sample-size.margin": {
        "en": "Half-width of the interval, e.g. 0.03 or 3.",
        "ja": "区間の半分の幅（許容誤差）。例：0.03 または 3。",
    },
    "help.mlpdm.stats.sample-size.expected": {
        "en": "The rate you expect, e.g. 0.9 (default 0.5, the worst case).",
        "ja": "見込んでいる割合。例：0.9（既定は最悪の場合の 0.5）。",
    },
    "help.mlpdm.stats.sample-size.prevalence": {
        "en": "Share of positives, for recall: items to label = n / prevalence.",
        "ja": "陽性の割合（再現率用）：ラベル付けする件数 = n / 陽性の割合。",
    },
    "help.mlpdm.stats.sample-size.segments": {
        "en": "Groups that each need the margin.",
        "ja": "それぞれに同じ誤差が必要なグループの数。",
    },
    "help.mlpdm.stats.sample-size.population": {
        "en": "Size of a small pool to sample from.",
        "ja": "抽出元の母集団が小さい場合、その件数。",
    },
    "help.mlpdm.stats.sample-size.bar": {
        "en": "Launch bar to show is met, e.g. 0.98 or 98: adds the Wilson size that clears it at the "
        "expected rate (default halfway between the bar and 100%).",
        "ja": "満たすことを示したいリリース基準。例：0.98 または 98。見込みの割合で Wilson 区間の下限が"
        "基準を上回る件数を加えます（見込みの既定は基準と 100% の中間）。",
    },
    "help.mlpdm.stats.rule-of-three": {
        "en": "With zero failures seen: the upper bound on the failure rate (≈ 3/n), "
        "or the trials needed.\n\n"
        "Example: mlpdm stats rule-of-three 300      (or: mlpdm stats rule-of-three --rate 0.01)",
        "ja": "失敗が 1 件も観測されないとき：失敗率の上限（≈ 3/n）、または必要な試行数。\n\n"
        "例：mlpdm stats rule-of-three 300（または mlpdm stats rule-of-three --rate 0.01）",
    },
    "help.mlpdm.stats.rule-of-three.trials": {
        "en": "Outputs checked with no failure.",
        "ja": "失敗なしで確認した出力の件数。",
    },
    "help.mlpdm.stats.rule-of-three.rate": {
        "en": "Instead: the failure rate to rule out, e.g. 0.01 or 1.",
        "ja": "代わりに：否定したい失敗率。例：0.01 または 1。",
    },
    # -- typer's own words on the help screen ----------------------------------------------------
    "help.ui.usage": {"en": "Usage: ", "ja": "使い方："},
    "help.ui.arguments": {"en": "Arguments", "ja": "引数"},
    "help.ui.options": {"en": "Options", "ja": "オプション"},
    "help.ui.commands": {"en": "Commands", "ja": "コマンド"},
    "help.ui.default": {"en": "[default: {value}]", "ja": "[既定：{value}]"},
    "help.ui.required": {"en": "[required]", "ja": "[必須]"},
    "help.ui.error": {"en": "Error: {message}", "ja": "エラー：{message}"},
    "help.ui.try_help": {"en": "Try '{command}' for help.", "ja": "'{command}' でヘルプを表示できます。"},
    "help.ui.aborted": {"en": "Aborted.", "ja": "中止しました。"},
    "help.ui.bad_choice": {
        "en": "{param}: “{value}” is not accepted; use one of {choices}",
        "ja": "{param}：「{value}」は指定できません。{choices} のどれかを指定してください",
    },
    "help.ui.not_whole": {
        "en": "{param}: “{value}” is not a whole number",
        "ja": "{param}：「{value}」は整数ではありません",
    },
    "help.ui.not_number": {
        "en": "{param}: “{value}” is not a number",
        "ja": "{param}：「{value}」は数値ではありません",
    },
    "help.ui.at_least": {
        "en": "{param}: must be at least {limit}",
        "ja": "{param}：{limit} 以上にしてください",
    },
    "help.ui.at_most": {
        "en": "{param}: must be at most {limit}",
        "ja": "{param}：{limit} 以下にしてください",
    },
}
