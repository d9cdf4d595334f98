#!/usr/bin/env python3
"""End-to-end tests of the `attrib` command line: contract, bad input, exit codes.

usage: cli_test.py ATTRIB_BINARY
"""
import json
import os
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
        self.assertEqual([d["id"] for d in docs], ["a", 2, 7, "b"])
        self.assertIn("error", docs[1])
        self.assertIn("error", docs[2])
        self.assertNotIn("error", docs[3])
        self.assertIn("line 2", err)

    def test_invalid_utf8_is_a_clear_error(self):
        rc, out, err = run("analyze", self.write("bad.txt", b"caf\xc3 \xff\xfe"))
        self.assertEqual(rc, 3)
        self.assertEqual(out, "")
        self.assertIn("not valid UTF-8", err)

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
