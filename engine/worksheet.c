/*
 * worksheet.c - the self-assessment worksheet for preparing a
 * self-declaration of conformity (自己適合宣言) with the Japanese guideline:
 * what the frameworks a vendor holds already show for each requirement,
 * and what is left, with empty columns for the vendor's own answer.
 */
#include <stdlib.h>
#include <string.h>

#include "sink.h"

static const xw_column columns_en[] = {
    {"requirement_id", XW_COL_TEXT}, {"requirement", XW_COL_TEXT},
    {"status", XW_COL_TEXT},         {"evidence", XW_COL_TEXT},
    {"left_to_show", XW_COL_TEXT},
    {"answer (conforms / partly / does not / not applicable)", XW_COL_TEXT},
    {"scope (whole company / business unit; subcontractors included or not)",
     XW_COL_TEXT},
    {"evidence_reference", XW_COL_TEXT},
};

static const xw_column columns_ja[] = {
    {"要求事項ID", XW_COL_TEXT},
    {"要求事項", XW_COL_TEXT},
    {"保有規格からの判定", XW_COL_TEXT},
    {"根拠（保有規格の管理策）", XW_COL_TEXT},
    {"追加で示すべきこと", XW_COL_TEXT},
    {"回答（適合／一部適合／不適合／該当なし）", XW_COL_TEXT},
    {"適用範囲（全社／事業部門、委託先を含む・含まない）", XW_COL_TEXT},
    {"証跡の参照", XW_COL_TEXT},
};

const int xw_worksheet_ncolumns = 8;

const xw_column *xw_worksheet_columns(int ja)
{
    return ja ? columns_ja : columns_en;
}

static const char *const status_ja[XW_STATUS_COUNT] = {"充足", "一部充足",
                                                       "未充足", "不明"};

static const char *const left_en[XW_STATUS_COUNT] = {
    ("Confirm that the held frameworks' evidence applies to this product "
     "and contract."),
    "Show what the held frameworks leave out of this requirement.",
    "Everything: the held frameworks are known not to address it.",
    "Everything, unless a mapping not yet made shows otherwise."};

static const char *const left_ja[XW_STATUS_COUNT] = {
    "保有規格の証跡が本製品・本契約に当てはまることを確認する。",
    "保有規格で満たされない部分を示す。",
    "すべて（保有規格はこの要求事項を扱っていない）。",
    "すべて（対応付けが未整備のため判断できない）。"};

xw_status xw_worksheet(xw_db *db, const xw_worksheet_opts *o, xw_row_cb cb,
                       void *ctx, xw_error *err)
{
    xw_coverage_opts co = {o->target, o->have, o->nhave, 0, 2, NULL, 0,
                           {-1, NULL},  NULL};
    xw_coverage *c;
    xw_status s = xw_coverage_run(db, &co, &c, err);
    if (s != XW_OK)
        return s;
    for (size_t i = 0; i < xw_coverage_count(c) && s == XW_OK; i++) {
        const xw_coverage_row *r = xw_coverage_row_at(c, i);
        if (!r->assessable)
            continue;
        xw_buf evidence = {0};
        for (size_t k = 0; k < r->nevidence; k++) {
            const xw_evidence *e = &r->evidence[k];
            int derived = !strcmp(e->kind, "derived");
            if (strcmp(e->kind, "mapping") && !derived)
                continue;
            if (derived && !r->derived)
                continue;
            xw_buf_printf(&evidence, "%s%s:%s %s%s", evidence.len ? "; " : "",
                          e->framework, e->control, e->title ? e->title : "",
                          derived ? (o->ja ? "（派生）" : " (derived)") : "");
        }
        const char *title = o->ja && r->title_ja ? r->title_ja : r->title;
        const char *v[8] = {r->id,
                            title,
                            o->ja ? status_ja[r->status]
                                  : xw_cover_status_name(r->status),
                            evidence.data,
                            o->ja ? left_ja[r->status] : left_en[r->status],
                            NULL,
                            NULL,
                            NULL};
        if (cb(ctx, 8, v) != 0)
            s = xw_fail(err, XW_EIO, "cannot write output");
        xw_buf_free(&evidence);
    }
    xw_coverage_free(c);
    return s;
}

xw_status xw_worksheet_xlsx(xw_db *db, const xw_worksheet_opts *o,
                            const char *file, xw_error *err)
{
    xw_sink *sink;
    xw_status s = xw_sink_xlsx_open(file, &sink, err);
    if (s != XW_OK)
        return s;
    s = sink->ops->begin(sink, o->ja ? "自己評価" : "self-assessment",
                         xw_worksheet_columns(o->ja), 8, err);
    if (s == XW_OK)
        s = xw_worksheet(db, o, sink->ops->row, sink, err);
    if (s == XW_OK)
        s = sink->ops->end(sink, err);
    if (s == XW_OK)
        return sink->ops->finish(sink, err);
    sink->ops->abort(sink);
    return s;
}
