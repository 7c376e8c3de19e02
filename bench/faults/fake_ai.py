"""A fake Anthropic Messages API for bench/faults/run.sh ai-529 (standard library only).

    fake_ai.py PORT OVERLOADED_FILE

POST /v1/messages answers 529 overloaded_error while OVERLOADED_FILE exists, otherwise a valid message whose text is
{"results": [...]} with one `uncertain` answer per <criterion key="..."> in the request (the format AnswerParser
reads). Counts both kinds of answers in OVERLOADED_FILE.count.
"""
import json
import os
import re
import sys
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, OVERLOADED = int(sys.argv[1]), sys.argv[2]
counts = {"overloaded": 0, "answered": 0}
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        if os.path.exists(OVERLOADED):
            kind, status = "overloaded", 529
            answer = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"},
                      "request_id": "req_" + uuid.uuid4().hex}
        else:
            kind, status = "answered", 200
            keys = list(dict.fromkeys(re.findall(r'<criterion key=\\?"([^"\\]+)\\?"', body)))
            text = json.dumps({"results": [
                {"key": k, "verdict": "uncertain", "confidence": "low", "missing": False, "evidence": [],
                 "reasoning": "The fake model does not read the document."} for k in keys]})
            answer = {"id": "msg_" + uuid.uuid4().hex, "type": "message", "role": "assistant", "model": "claude-fake",
                      "content": [{"type": "text", "text": text}], "stop_reason": "end_turn",
                      "stop_sequence": None, "usage": {"input_tokens": len(body) // 4, "output_tokens": 50,
                                                       "cache_creation_input_tokens": 0,
                                                       "cache_read_input_tokens": 0}}
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("request-id", answer.get("request_id") or answer["id"])
        self.end_headers()
        self.wfile.write(data)
        with lock:
            counts[kind] += 1
            with open(OVERLOADED + ".count", "w") as f:
                json.dump(counts, f)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
