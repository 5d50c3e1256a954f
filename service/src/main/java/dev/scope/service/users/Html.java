package dev.scope.service.users;

/**
 * Small server-rendered pages. Every piece of data goes through {@link #esc}; pages load no script (the CSP
 * forbids it) and every form carries the CSRF token as a hidden field.
 */
final class Html {
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem;color:#222}
            nav{display:flex;gap:1rem;align-items:center;border-bottom:1px solid #ddd;padding-bottom:.5rem}
            nav form{margin-left:auto}
            table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3rem;border-bottom:1px solid #eee}
            pre{background:#f4f4f4;padding:.8rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
            form.inline{display:inline}.error{color:#a00}.note{color:#555}input{margin:.2rem}
            """;

    private Html() {
    }

    static String esc(Object value) {
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /** A whole page; {@code nav} is null for visitors who are not logged in. */
    static String page(String title, String nav, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + esc(title) + " · Scope</title><style>" + STYLE + "</style></head><body>"
                + (nav == null ? "<nav><strong>Scope</strong></nav>" : nav)
                + "<main><h1>" + esc(title) + "</h1>" + body + "</main></body></html>";
    }

    static String nav(String email, boolean siteAdmin, String csrf) {
        return "<nav><a href=\"/\"><strong>Scope</strong></a><a href=\"/\">Organisations</a>"
                + "<a href=\"/account\">Account</a>" + (siteAdmin ? "<a href=\"/admin\">Admin</a>" : "")
                + "<span class=\"note\">" + esc(email) + "</span>"
                + form("/logout", csrf, "", "Log out", "inline") + "</nav>";
    }

    /** A POST form with the CSRF token; {@code fields} is already-escaped HTML. */
    static String form(String action, String csrf, String fields, String button, String cssClass) {
        return "<form method=\"post\" action=\"" + esc(action) + "\"" + (cssClass == null ? "" : " class=\"" + cssClass + "\"")
                + "><input type=\"hidden\" name=\"csrf\" value=\"" + esc(csrf) + "\">" + fields
                + "<button type=\"submit\">" + esc(button) + "</button></form>";
    }

    static String button(String action, String csrf, String label) {
        return form(action, csrf, "", label, "inline");
    }

    static String input(String type, String name, String label, boolean required) {
        return "<label>" + esc(label) + " <input type=\"" + type + "\" name=\"" + name + "\""
                + (required ? " required" : "") + "></label> ";
    }

    static String roleSelect(String selected) {
        StringBuilder s = new StringBuilder("<select name=\"role\">");
        for (String r : new String[]{"viewer", "editor", "admin"}) {
            s.append("<option value=\"").append(r).append('"').append(r.equals(selected) ? " selected" : "")
                    .append('>').append(r).append("</option>");
        }
        return s.append("</select> ").toString();
    }

    static String error(String message) {
        return "<p class=\"error\">" + esc(message) + "</p>";
    }
}
