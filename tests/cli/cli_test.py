#!/usr/bin/env python3
"""End-to-end tests of the `attrib` command line: contract, bad input, exit codes.

usage: cli_test.py ATTRIB_BINARY
"""
import gzip
import json
import os
import pty
import select
import shutil
import subprocess
import sys
import tempfile
import unittest

ATTRIB = None


def run(*args, stdin=b"", timeout=120):
    p = subprocess.run([ATTRIB, *args], input=stdin, capture_output=True, timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


class CliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, data):
        path = os.path.join(self.tmp.name, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def test_version_and_help(self):
        rc, out, _ = run("version")
        self.assertEqual(rc, 0)
        self.assertRegex(out, r"^attrib \d+\.\d+\.\d+\n$")
        rc, out, _ = run("--help")
        self.assertEqual(rc, 0)
        self.assertIn("analyze", out)
        self.assertIn("exit codes", out)

    def test_usage_error_exit_code(self):
        rc, _, err = run("analyze", "--no-such-flag", "-")
        self.assertEqual(rc, 2)
        self.assertTrue(err)
        rc, _, _ = run()
        self.assertEqual(rc, 2)

    def test_schema_and_code_point_offsets(self):
        # A non-BMP character before the quote: offsets must count it as one code point.
        text = "𝑥 “We are ready to talk,” Horne said.\n"
        rc, out, _ = run("analyze", "-", stdin=text.encode())
        self.assertEqual(rc, 0)
        doc = json.loads(out)
        self.assertEqual(doc["offsets"], "codepoint")
        for key in ("lang", "speakers", "quotes", "claims"):
            self.assertIn(key, doc)
        for q in doc["quotes"]:
            for key in ("id", "type", "start", "end", "speaker", "speaker_mention", "cue",
                        "confidence", "rule"):
                self.assertIn(key, q)
            self.assertIn(q["type"], ("direct", "mixed", "indirect", "other"))
            self.assertTrue(0.0 <= q["confidence"] <= 1.0)
            self.assertEqual(text[q["start"]:q["end"]], q["text"])

    def test_jsonl_keeps_ids_and_reports_bad_lines(self):
        lines = b'{"id": "a", "text": "One."}\nnot json\n{"id": 7}\n\n{"id": "b", "text": ""}\n'
        rc, out, err = run("analyze", "--jsonl", "-", stdin=lines)
        self.assertEqual(rc, 4)
        docs = [json.loads(l) for l in out.splitlines()]
        # One answer per input line, the empty one included; no id = "line:N".
        self.assertEqual([d["id"] for d in docs], ["a", "line:2", 7, "line:4", "b"])
        self.assertEqual(["error" in d for d in docs], [False, True, True, True, False])
        self.assertIn("line 2", err)

    def test_jsonl_every_bad_line_class(self):
        cases = [  # (line, id of the answer, the reason it must give)
            (b'{"id": "u", "text": "caf\xc3\xa9 \xff ok"}', "line:1", "line 1: invalid UTF-8 at byte 28"),
            (b'\xfe{"id": "v", "text": "x"}', "line:2", "line 2: invalid UTF-8 at byte 1"),
            (b'{"id": "w", "text": "x"', "line:3", "line 3: not JSON"),
            (b'{"id": "x", "text": "x"} trailing', "line:4", "line 4: not JSON"),
            (b'not json at all', "line:5", "line 5: not JSON (at byte 2"),
            # A syntax error in a member the reader skips (gold annotations) still rejects it.
            (b'{"id": "g", "text": "x", "quotes": [{"start": 1 "end": 2}]}', "g",
             "line 6: not JSON (at byte 53"),  # where the parser noticed: after "end"
            (b'["id", "text"]', "line:7", "line 7: not a JSON object"),
            (b'"just a string"', "line:8", "line 8: not a JSON object"),
            (b'{"id": "y"}', "y", 'line 9: no "text" string'),
            (b'{"id": "z", "text": 42}', "z", 'line 10: no "text" string'),
            (b'   \t ', "line:11", "line 11: empty line"),
            (b'{"id": 11, "text": "a\\u0000b"}', 11, "line 12: input is binary data"),
            (b'{"text": "No id here."}', None, None),
            (b'{"id": null, "text": "A null id."}', None, None),
            (b'{"id": "crlf", "text": "Windows line."}\r', "crlf", None),
            (b'{"id": "last", "text": "No newline after the last line."}', "last", None),
        ]
        data = b"\n".join(line for line, _, _ in cases)  # the last line has no '\n'
        rc, out, err = run("analyze", "--jsonl", "-", stdin=data)
        self.assertEqual(rc, 4)
        docs = [json.loads(l) for l in out.splitlines()]
        self.assertEqual(len(docs), len(cases))
        for n, (doc, (line, want_id, reason)) in enumerate(zip(docs, cases), 1):
            self.assertEqual(doc["id"], want_id if want_id is not None else f"line:{n}", line)
            if reason is None:
                self.assertNotIn("error", doc, line)
                self.assertIn("quotes", doc)
            else:
                self.assertEqual(set(doc), {"id", "error"}, line)
                self.assertTrue(doc["error"].startswith(reason), (line, doc["error"]))
                self.assertIn("attrib analyze: " + doc["error"], err)

    def test_jsonl_missing_file(self):
        rc, out, err = run("analyze", "--jsonl", os.path.join(self.tmp.name, "nope.jsonl"))
        self.assertEqual((rc, out), (3, ""))
        self.assertIn("cannot open", err)

    def test_jsonl_errors_file_gets_the_rejected_lines_verbatim(self):
        bad1, bad2 = b'{"id": 1, "text": "caf\xff"}', b"{broken"
        data = b'{"id": 0, "text": "Fine."}\n' + bad1 + b"\n" + bad2 + b"\n"
        errors = os.path.join(self.tmp.name, "rejected.jsonl")
        rc, out, err = run("analyze", "--jsonl", "--errors", errors, "-", stdin=data)
        self.assertEqual(rc, 4)
        self.assertEqual(len(out.splitlines()), 3)
        with open(errors, "rb") as f:
            self.assertEqual(f.read(), bad1 + b"\n" + bad2 + b"\n")
        self.assertNotIn("line 2", err)  # the reasons are in the output, stderr has the count
        self.assertIn("2 of 3 lines rejected", err)
        rc, _, err = run("analyze", "--jsonl", "--errors", errors, "-", stdin=b'{"text": "x"}\n')
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(os.path.getsize(errors), 0)

    def archive(self, n=240, seed=1):
        """Generated news-like lines, sizes from a few bytes to ~60 KB, gold fields to skip."""
        import random
        rnd = random.Random(seed)
        names = ["Emily Horne", "the minister", "Mr. Smith", "a senior official", "She", "Ms. Diaz"]
        lines = []
        for i in range(n):
            paragraphs = []
            for _ in range(rnd.choice([0, 1, 3, 20, 150])):
                who = rnd.choice(names)
                paragraphs.append(rnd.choice([
                    f"“We are ready to talk about {i} issues,” {who} said on Tuesday.",
                    f"{who} said that prices rose {rnd.randint(1, 90)}% in 2014.",
                    f"According to {who}, the plan will fail, and “nobody” knows why.",
                    f"The city council met again; the vote was {rnd.randint(2, 9)} to 1.",
                ]))
            doc = {"id": f"doc-{i}", "lang": "en", "text": "\n".join(paragraphs),
                   "quotes": [{"start": 0, "end": 1, "speaker": None}], "meta": {"n": [i, 2.5]}}
            if i % 17 == 3:
                del doc["id"]
            lines.append(json.dumps(doc, ensure_ascii=i % 2 == 0))
        return ("\n".join(lines) + "\n").encode()

    def test_jsonl_threads_keep_input_order_and_results(self):
        data = self.archive()
        path = self.write("archive.jsonl", data)
        rc, one, err = run("analyze", "--jsonl", "-j", "1", path)
        self.assertEqual(rc, 0, err)
        docs = [json.loads(l) for l in one.splitlines()]
        want = [f"doc-{i}" if i % 17 != 3 else f"line:{i + 1}" for i in range(240)]
        self.assertEqual([d["id"] for d in docs], want)
        self.assertGreater(sum(len(d["quotes"]) for d in docs), 1000)
        for jobs in ("2", "3", "8"):
            rc, out, err = run("analyze", "--jsonl", "-j", jobs, path)
            self.assertEqual(rc, 0, err)
            self.assertEqual(out, one, f"-j {jobs} differs from -j 1")
        rc, out, _ = run("analyze", "--jsonl", "-j", "8", "-", stdin=data)
        self.assertEqual((rc, out), (0, one))

    def test_jsonl_gzip_and_zstd_input(self):
        data = self.archive(n=60, seed=2)
        rc, plain, err = run("analyze", "--jsonl", self.write("a.jsonl", data))
        self.assertEqual(rc, 0, err)
        half = data.index(b"\n", len(data) // 2) + 1
        gz = gzip.compress(data[:half]) + gzip.compress(data[half:])  # two members, as cat makes
        for name, packed in (("a.jsonl.gz", gz), ("a.jsonl.zst", None)):
            if packed is None:
                zstd = shutil.which("zstd")
                self.assertIsNotNone(zstd, "zstd (Debian package zstd) is needed for this test")
                packed = subprocess.run([zstd, "-q", "-c"], input=data, capture_output=True,
                                        check=True).stdout
            path = self.write(name, packed)
            for jobs in ("1", "2"):
                rc, out, err = run("analyze", "--jsonl", "-j", jobs, path)
                self.assertEqual((rc, err), (0, ""), name)
                self.assertEqual(out, plain, name)
            rc, out, _ = run("analyze", "--jsonl", "-", stdin=packed)  # told by magic, not name
            self.assertEqual((rc, out), (0, plain), name)
            # Cut short: the lines before the cut are answered, then a clear error and exit 3.
            rc, out, err = run("analyze", "--jsonl", self.write("cut-" + name, packed[: len(packed) // 2]))
            self.assertEqual(rc, 3, name)
            self.assertIn("truncated", err)
            self.assertTrue(plain.startswith(out), name)
        corrupt = bytearray(gz)
        corrupt[len(corrupt) // 3] ^= 0xFF
        corrupt[len(corrupt) // 3 + 1] ^= 0xFF
        rc, _, err = run("analyze", "--jsonl", self.write("bad.jsonl.gz", bytes(corrupt)))
        self.assertEqual(rc, 3)
        self.assertIn("gzip", err)

    def test_map_step_contract(self):
        """What GNU parallel --pipe, Hadoop streaming and Spark's RDD.pipe rely on: each line
        written to stdin is answered by one line on stdout, flushed before the next line is
        sent, in order; stdin closed = exit, 0 when every line was good, 4 when one was not."""
        for jobs in ("1", "2"):
            p = subprocess.Popen([ATTRIB, "analyze", "--jsonl", "-j", jobs, "-"], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            try:
                for i in range(5):
                    line = {"id": f"m{i}", "text": f"“Line {i} is here,” Smith said."}
                    p.stdin.write((json.dumps(line) + "\n").encode())
                    p.stdin.flush()
                    ready, _, _ = select.select([p.stdout], [], [], 60)
                    self.assertTrue(ready, f"-j {jobs}: no answer to line {i} while stdin is open")
                    answer = json.loads(p.stdout.readline())
                    self.assertEqual(answer["id"], f"m{i}")
                    self.assertEqual(answer["quotes"][0]["text"], f"Line {i} is here,")
                p.stdin.write(b"oops\n")
                p.stdin.close()
                rest = p.stdout.read().decode().splitlines()
                self.assertEqual(len(rest), 1)
                self.assertEqual(json.loads(rest[0])["id"], "line:6")
                self.assertEqual(p.wait(timeout=60), 4)
            finally:
                p.kill()
                p.wait()
                p.stdout.close()
                p.stderr.close()
        rc, out, err = run("analyze", "--jsonl", "-", stdin=b'{"id": "x", "text": "Fine."}\n')
        self.assertEqual((rc, err, len(out.splitlines())), (0, "", 1))
        rc, out, _ = run("analyze", "--jsonl", "-", stdin=b"")
        self.assertEqual((rc, out), (0, ""))

    def test_progress_only_when_stderr_is_a_terminal(self):
        path = self.write("p.jsonl", self.archive(n=30, seed=3))
        rc, _, err = run("analyze", "--jsonl", path)
        self.assertEqual((rc, err), (0, ""))
        master, slave = pty.openpty()
        try:
            p = subprocess.run([ATTRIB, "analyze", "--jsonl", path], stdout=subprocess.PIPE,
                               stderr=slave, timeout=120)
            os.close(slave)
            slave = None
            shown = b""
            while select.select([master], [], [], 0.5)[0]:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                shown += chunk
        finally:
            if slave is not None:
                os.close(slave)
            os.close(master)
        self.assertEqual(p.returncode, 0)
        self.assertEqual(len(p.stdout.splitlines()), 30)  # results on stdout, untouched
        self.assertRegex(shown.decode(), r"30 lines .* MB/s .*100% .*ETA")

    def test_invalid_utf8_is_a_clear_error(self):
        rc, out, err = run("analyze", self.write("bad.txt", b"caf\xc3 \xff\xfe"))
        self.assertEqual(rc, 3)
        self.assertEqual(out, "")
        self.assertIn("not valid UTF-8", err)

    def test_unwritable_output_exits_one(self):
        # A full disk (here /dev/full) is exit 1 with a message, whole documents and --jsonl;
        # never exit 0 with the result lost.
        path = self.write("in.txt", "“We are ready,” Horne said.\n".encode())
        jsonl = self.write("in.jsonl", b'{"id": 1, "text": "One."}\n' * 2000)
        for args in (["analyze", path], ["analyze", "--format", "text", path],
                     ["analyze", "--jsonl", jsonl]):
            with open("/dev/full", "wb") as full:
                p = subprocess.run([ATTRIB, *args], stdout=full, stderr=subprocess.PIPE,
                                   timeout=120)
            self.assertEqual(p.returncode, 1, args)
            self.assertIn(b"cannot write the output", p.stderr, args)

    def test_binary_is_a_clear_error(self):
        rc, _, err = run("analyze", self.write("bin.dat", bytes(range(256)) * 64))
        self.assertEqual(rc, 3)
        self.assertIn("binary", err)

    def test_missing_file(self):
        rc, _, err = run("analyze", os.path.join(self.tmp.name, "nope.txt"))
        self.assertEqual(rc, 3)
        self.assertIn("cannot open", err)

    def test_empty_file_is_an_empty_result(self):
        rc, out, _ = run("analyze", self.write("empty.txt", b""))
        self.assertEqual(rc, 0)
        doc = json.loads(out)
        self.assertEqual((doc["quotes"], doc["speakers"], doc["claims"]), ([], [], []))

    def test_50mb_single_line(self):
        # ATTRIB_CLI_BIG_MB shrinks it for the sanitizer build, where 50 MB takes minutes.
        size = int(float(os.environ.get("ATTRIB_CLI_BIG_MB", "50")) * 1_000_000)
        chunk = "“Prices rose 5% in 2014,” the minister said, and \"officials\" 'agreed' ”“ "
        data = (chunk * (size // len(chunk.encode()) + 1)).encode()[:size]
        data = data.decode("utf-8", "ignore").encode()
        rc, out, err = run("analyze", self.write("big.txt", data), timeout=600)
        self.assertEqual(rc, 0, err[-500:])
        doc = json.loads(out)
        self.assertIsInstance(doc["quotes"], list)

    def test_units_join_an_interrupted_quote(self):
        text = "“We will not back down,” Smith said on Tuesday, “and we will win this fight.”"
        rc, out, _ = run("analyze", "--no-claims", "-", stdin=text.encode())
        self.assertEqual(rc, 0)
        quotes = json.loads(out)["quotes"]
        self.assertEqual([q["text"] for q in quotes],
                         ["We will not back down,", "and we will win this fight."])
        rc, out, _ = run("analyze", "--no-claims", "--units", "attribution", "-", stdin=text.encode())
        self.assertEqual(rc, 0)
        (q,) = json.loads(out)["quotes"]
        self.assertEqual([text[s:e] for s, e in q["fragments"]],
                         ["We will not back down,", "and we will win this fight."])
        self.assertEqual(text[q["speaker_mention"][0]:q["speaker_mention"][1]], "Smith")
        rc, _, _ = run("analyze", "--units", "sentence", "-", stdin=text.encode())
        self.assertEqual(rc, 2)

    def test_text_view(self):
        rc, out, _ = run("analyze", "--format", "text", "-",
                         stdin="“We are ready,” Horne said.".encode())
        self.assertEqual(rc, 0)
        self.assertIn("Quotes (", out)
        self.assertIn("Speakers (", out)


if __name__ == "__main__":
    ATTRIB = sys.argv.pop(1)
    unittest.main(verbosity=2)
