#!/usr/bin/env python3
# A Weave Scope plugin (protocol v1) in a few lines, after Weave's examples/plugins: it serves GET /report and
# POST /control on a unix socket. argv: socket path, mode (ok | slow | garbage).
import http.server, json, os, socketserver, sys, time, datetime

SOCK, MODE = sys.argv[1], sys.argv[2]
PLUGIN_ID = os.path.basename(SOCK)[:-len(".sock")]

class Handler(http.server.BaseHTTPRequestHandler):
    def address_string(self):
        return "-"

    def reply(self, body):
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if MODE == "slow":
            time.sleep(3)
        if MODE == "garbage":
            return self.reply("{not json")
        now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        self.reply(json.dumps({
            "Plugins": [{"id": PLUGIN_ID, "label": "Test plugin", "description": "counts things",
                         "interfaces": ["reporter", "controller"], "api_version": "1"}],
            "Host": {
                "nodes": {"testhost;<host>": {"latest": {"plugin_says": {"timestamp": now, "value": "hello"}},
                                               "metrics": {"things": {"samples": [{"date": now, "value": 7.0}], "min": 0, "max": 10}}}},
                "metric_templates": {"things": {"id": "things", "label": "Things", "priority": 0.1}},
                "controls": {"plugin_poke": {"id": "plugin_poke", "human": "Poke", "icon": "fa-hand-o-right", "rank": 1}},
            },
        }))

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.reply(json.dumps({"value": "poked " + body["NodeID"] + " for " + body["AppID"]}))

    def log_message(self, *args):
        pass

if os.path.exists(SOCK):
    os.remove(SOCK)
with socketserver.ThreadingUnixStreamServer(SOCK, Handler) as server:
    server.serve_forever()
