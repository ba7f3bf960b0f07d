package io.glomers.bench.serve;

import io.glomers.bench.view.StoredRun;
import io.glomers.bench.view.Xml;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The frame of every page (title, style, header) and the small pieces pages share. Written for a
 * laptop screen: at most 1280 px wide, the run list one dense table, a run's pictures at their own
 * 900 px.
 */
final class Page {

    private static final String STYLE = """
            :root { --ink: #1d2330; --muted: #5d6575; --line: #e3e6ec; --ok: #1a7f37; --bad: #c62828; --unk: #9a6700; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
                   color: var(--ink); background: #f6f7f9; }
            header { background: #1d2330; color: #fff; padding: 10px 24px; display: flex; gap: 16px; align-items: baseline; }
            header a { color: #fff; text-decoration: none; font-weight: 600; }
            header .crumbs { color: #c8cdd8; }
            header .crumbs a { color: #c8cdd8; font-weight: 400; }
            main { max-width: 1280px; margin: 0 auto; padding: 16px 24px 48px; }
            h1 { font-size: 20px; margin: 4px 0 12px; }
            h2 { font-size: 16px; margin: 28px 0 8px; }
            p.hint { color: var(--muted); margin: 4px 0 12px; }
            table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
            th, td { padding: 6px 10px; text-align: right; border-bottom: 1px solid var(--line); white-space: nowrap; }
            th { background: #eef0f4; font-weight: 600; position: sticky; top: 0; }
            th.l, td.l { text-align: left; }
            tr.run:hover { background: #f0f6ff; }
            td.seed { color: var(--muted); font-size: 12px; }
            td a { color: #0b5cad; text-decoration: none; font-weight: 600; }
            .verdict { font-weight: 700; padding: 1px 7px; border-radius: 10px; font-size: 12px; }
            .verdict.valid { color: #fff; background: var(--ok); }
            .verdict.invalid { color: #fff; background: var(--bad); }
            .verdict.unknown { color: #fff; background: var(--unk); }
            .tag { font-size: 11px; color: #0b5cad; border: 1px solid #0b5cad; border-radius: 8px; padding: 0 5px; margin-left: 6px; }
            .cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0 4px; }
            .card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; min-width: 120px; }
            .card b { display: block; font-size: 18px; }
            .card span { color: var(--muted); font-size: 12px; }
            nav.sections { position: sticky; top: 0; background: #f6f7f9; padding: 8px 0; border-bottom: 1px solid var(--line); z-index: 1; }
            nav.sections a { margin-right: 14px; color: #0b5cad; text-decoration: none; }
            figure { margin: 0 0 8px; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px;
                     display: inline-block; max-width: 100%; }
            figure img { display: block; max-width: 100%; height: auto; }
            .missing { background: #fff8e1; border: 1px solid #f0d88a; border-radius: 6px; padding: 8px 12px; }
            iframe { width: 100%; height: 70vh; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
            pre { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px; overflow: auto;
                  max-height: 60vh; font-size: 12px; }
            ul.files { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 28px; }
            .why { color: var(--bad); }
            .sub { color: var(--muted); font-size: 13px; font-weight: 400; margin-left: 8px; }
            code { background: #eef0f4; padding: 1px 4px; border-radius: 3px; }
            """;

    private Page() {
    }

    static String frame(String title, String crumbs, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Xml.escape(title) + "</title><style>\n" + STYLE + "</style></head><body>\n"
                + "<header><a href=\"/\">bench runs</a><span class=\"crumbs\">" + crumbs + "</span></header>\n"
                + "<main>\n" + body + "</main></body></html>\n";
    }

    static String verdict(StoredRun run) {
        String kind = run.verdict().toLowerCase(Locale.ROOT);
        return "<span class=\"verdict " + kind + "\">" + run.verdict() + "</span>";
    }

    static String runHref(StoredRun run) {
        return "/runs/" + pathHref(run.path()) + "/";
    }

    static String fileHref(StoredRun run, String file) {
        return "/files/" + pathHref(run.path()) + "/" + pathHref(file);
    }

    /** Each segment of a path escaped for a URL (a store under a directory with spaces still works). */
    static String pathHref(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/")) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    static String perOp(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String number(Long value) {
        return value == null ? "–" : String.valueOf(value);
    }
}
