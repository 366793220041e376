#!/usr/bin/env python3
"""Smoke test of a running test RGW (tools/rgw/start-rgw.sh), stdlib only.

  tools/rgw/smoke-test.py [endpoint]      (default: $RGW_ENDPOINT or http://127.0.0.1:7480)

Checks: bucket + object, 1024-byte key, PutObjectTagging/GetObjectTagging, an Object Lock bucket
with PutObjectRetention(GOVERNANCE)/GetObjectRetention/PutObjectLegalHold (and that they block
a delete), CreateTopic (SNS API) with an HTTP push-endpoint on a local receiver,
PutBucketNotificationConfiguration, a PUT whose notification must arrive, DeleteObjects on the
notified bucket (radosgw must survive it), and two tenants: a bucket and key of the same names
for the default tenant's user and t1$u1, told apart in their notifications only by
s3.bucket.arn, and t1's bucket tagged by the default tenant's user once a bucket policy lets it.
Uses fresh names each run and removes its topics and notification configurations at the end.
Exit 0 when all pass.
"""
import datetime
import http.server
import json
import os
import re
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import s3sig  # noqa: E402

EP = (sys.argv[1] if len(sys.argv) > 1 else
      os.environ.get("RGW_ENDPOINT", "http://127.0.0.1:7480")).rstrip("/")
RUN = "%x" % int(time.time() * 1000)
LEDGER_USER = os.environ.get("RGW_USER") or "ledger"
T1 = (os.environ.get("RGW_T1_ACCESS_KEY") or "T1U1TESTACCESSKEY",
      os.environ.get("RGW_T1_SECRET_KEY") or "t1u1testsecretkey0123456789")
FAILED = []


def call(method, path, body=b"", headers=None, service="s3", expect=200, creds=(None, None)):
    if isinstance(body, str):
        body = body.encode("utf-8")
    status, _, hdrs, data = s3sig.request(method, EP + path, body, headers, service,
                                          access_key=creds[0], secret_key=creds[1])
    text = data.decode("utf-8", "replace")
    ok = status == expect if isinstance(expect, int) else status in expect
    if not ok:
        raise AssertionError("%s %s -> HTTP %d (want %s): %s" % (method, path, status, expect,
                                                                 text[:400]))
    return dict((k.lower(), v) for k, v in hdrs), text


def check(name, fn):
    t = time.time()
    try:
        fn()
        print("PASS %-40s %.2fs" % (name, time.time() - t))
    except Exception as e:  # noqa: BLE001 - report and go on
        FAILED.append(name)
        print("FAIL %-40s %s" % (name, e))


# ------------------------------------------------------------------ receiver
class Receiver(http.server.BaseHTTPRequestHandler):
    received = []          # (path, headers, body)
    cond = threading.Condition()

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with Receiver.cond:
            Receiver.received.append((self.path, dict(self.headers), body))
            Receiver.cond.notify_all()
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()     # HTTP/1.0 handler: the connection closes after each POST

    def log_message(self, *args):
        pass


def wait_post(pred, timeout):
    deadline = time.time() + timeout
    with Receiver.cond:
        while True:
            for r in Receiver.received:
                if pred(r):
                    return r
            left = deadline - time.time()
            if left <= 0:
                return None
            Receiver.cond.wait(left)


def main():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    rport = server.server_address[1]
    plain, locked, notified = "smoke-%s" % RUN, "smoke-lock-%s" % RUN, "smoke-notif-%s" % RUN
    shared = "smoke-shared-%s" % RUN
    topics = []

    def basics():
        call("PUT", "/" + plain)
        call("PUT", "/%s/dir/hello.txt" % plain, "hello", {"x-amz-meta-color": "blue"})
        _, body = call("GET", "/%s/dir/hello.txt" % plain)
        assert body == "hello", body

    def long_key():
        key = "k" * 1000 + "/" + "é" * 11 + "x"          # 1024 bytes of UTF-8
        assert len(key.encode()) == 1024
        qkey = urllib.parse.quote(key)
        call("PUT", "/%s/%s" % (plain, qkey), "long")
        _, body = call("GET", "/%s/%s" % (plain, qkey))
        assert body == "long", body
        call("PUT", "/%s/%s" % (plain, urllib.parse.quote(key + "y")), "x", expect=400)

    def tagging():
        call("PUT", "/%s/dir/hello.txt?tagging" % plain,
             "<Tagging><TagSet><Tag><Key>stage</Key><Value>raw</Value></Tag>"
             "<Tag><Key>owner</Key><Value>ledger</Value></Tag></TagSet></Tagging>")
        _, body = call("GET", "/%s/dir/hello.txt?tagging" % plain)
        tags = dict(re.findall(r"<Key>([^<]*)</Key><Value>([^<]*)</Value>", body))
        assert tags == {"stage": "raw", "owner": "ledger"}, body

    def object_lock():
        call("PUT", "/" + locked, headers={"x-amz-bucket-object-lock-enabled": "true"})
        _, body = call("GET", "/%s?object-lock" % locked)
        assert "<ObjectLockEnabled>Enabled</ObjectLockEnabled>" in body, body
        h, _ = call("PUT", "/%s/doc.txt" % locked, "locked content")
        vid = h.get("x-amz-version-id")
        assert vid, "no x-amz-version-id on a PUT into an object-lock bucket"
        until = (datetime.datetime.now(datetime.timezone.utc)
                 + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        call("PUT", "/%s/doc.txt?retention" % locked,
             '<Retention xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Mode>GOVERNANCE</Mode>'
             "<RetainUntilDate>%s</RetainUntilDate></Retention>" % until)
        _, body = call("GET", "/%s/doc.txt?retention" % locked)
        assert "<Mode>GOVERNANCE</Mode>" in body and until[:19] in body, body
        call("PUT", "/%s/doc.txt?legal-hold" % locked,
             '<LegalHold xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>ON</Status>'
             "</LegalHold>")
        _, body = call("GET", "/%s/doc.txt?legal-hold" % locked)
        assert "<Status>ON</Status>" in body, body
        bypass = {"x-amz-bypass-governance-retention": "true"}
        call("DELETE", "/%s/doc.txt?versionId=%s" % (locked, vid), headers=bypass, expect=403)
        call("PUT", "/%s/doc.txt?legal-hold" % locked,
             "<LegalHold><Status>OFF</Status></LegalHold>")
        call("DELETE", "/%s/doc.txt?versionId=%s" % (locked, vid), expect=403)
        call("DELETE", "/%s/doc.txt?versionId=%s" % (locked, vid), headers=bypass, expect=204)

    def create_topic(name, persistent, creds=(None, None)):
        push = "http://127.0.0.1:%d/rgw/%s?secret=s3cr3t" % (rport, name)
        form = urllib.parse.urlencode([
            ("Action", "CreateTopic"), ("Name", name),
            ("Attributes.entry.1.key", "push-endpoint"), ("Attributes.entry.1.value", push),
            ("Attributes.entry.2.key", "persistent"),
            ("Attributes.entry.2.value", "true" if persistent else "false"),
            ("Attributes.entry.3.key", "OpaqueData"), ("Attributes.entry.3.value", "smoke")])
        _, body = call("POST", "/", form, service="sns", creds=creds)
        arn = re.search(r"<TopicArn>([^<]+)</TopicArn>", body).group(1)
        topics.append((arn, creds))
        return arn

    def notifications():
        call("PUT", "/" + notified)
        direct = create_topic("smoke-%s" % RUN, False)
        queued = create_topic("smoke-p-%s" % RUN, True)
        conf = "".join(
            "<TopicConfiguration><Id>%s</Id><Topic>%s</Topic><Event>s3:ObjectCreated:*</Event>"
            "<Event>s3:ObjectRemoved:*</Event></TopicConfiguration>" % (i, arn)
            for i, arn in (("direct", direct), ("queued", queued)))
        call("PUT", "/%s?notification" % notified,
             '<NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">%s'
             "</NotificationConfiguration>" % conf)
        t0 = time.time()
        call("PUT", "/%s/events/first.txt" % notified, "notify me",
             {"x-amz-tagging": "stage=raw", "x-amz-meta-color": "blue"})
        for cfg in ("direct", "queued"):
            r = wait_post(lambda r, c=cfg: json.loads(r[2])["Records"][0]["s3"]
                          ["configurationId"] == c, 90)
            assert r, "no notification for configuration %r within 90 s" % cfg
            rec = json.loads(r[2])["Records"][0]
            assert rec["eventName"] == "ObjectCreated:Put", rec
            assert rec["s3"]["object"]["key"] == "events/first.txt", rec
            assert r[0].endswith("?secret=s3cr3t"), r[0]
            print("     %s topic: POST %s after %.1fs, headers %s\n     body: %s"
                  % (cfg, r[0], time.time() - t0, json.dumps(r[1]), r[2].decode()))

    def delete_objects():
        call("PUT", "/%s/events/second.txt" % notified, "2")
        _, body = call("POST", "/%s?delete" % notified,
                       "<Delete><Object><Key>events/first.txt</Key></Object>"
                       "<Object><Key>events/second.txt</Key></Object></Delete>")
        assert body.count("<Deleted>") == 2, body
        r = wait_post(lambda r: b"ObjectRemoved:Delete" in r[2]
                      and b"events/second.txt" in r[2], 90)
        assert r, "no ObjectRemoved:Delete notification for the DeleteObjects"
        call("GET", "/")                                      # radosgw still answers

    def notify_created(bucket, topic, creds):
        call("PUT", "/%s?notification" % bucket,
             '<NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
             "<TopicConfiguration><Id>%s</Id><Topic>%s</Topic><Event>s3:ObjectCreated:*</Event>"
             "</TopicConfiguration></NotificationConfiguration>" % (bucket, topic), creds=creds)

    def two_tenants():
        tenant_bucket = "t1:" + shared
        call("PUT", "/" + shared)
        call("PUT", "/" + shared, creds=T1)
        notify_created(shared, create_topic("smoke-shared-%s" % RUN, False), (None, None))
        t1_topic = create_topic("smoke-shared-%s" % RUN, False, T1)
        assert t1_topic == "arn:aws:sns:default:t1:smoke-shared-%s" % RUN, t1_topic
        notify_created(shared, t1_topic, T1)
        call("PUT", "/%s/same.txt" % shared, "default tenant")
        call("PUT", "/%s/same.txt" % shared, "tenant t1", creds=T1)
        arns = {}
        for arn in ("arn:aws:s3:::" + shared, "arn:aws:s3::" + tenant_bucket):
            r = wait_post(lambda r, a=arn: json.loads(r[2])["Records"][0]["s3"]["bucket"]
                          .get("arn") == a, 30)
            assert r, "no notification with s3.bucket.arn %s within 30 s" % arn
            rec = json.loads(r[2])["Records"][0]
            assert rec["s3"]["bucket"]["name"] == shared, rec
            arns[arn] = rec["userIdentity"]["principalId"]
        print("     principalId by s3.bucket.arn: %s" % json.dumps(arns))
        tagging = "/%s/same.txt?tagging" % tenant_bucket
        tag = "<Tagging><TagSet><Tag><Key>tenant</Key><Value>t1</Value></Tag></TagSet></Tagging>"
        call("PUT", tagging, tag, expect=403)
        policy = json.dumps({"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam:::user/" + LEDGER_USER]},
            "Action": ["s3:GetObject", "s3:GetObjectTagging", "s3:PutObjectTagging"],
            "Resource": ["arn:aws:s3::%s/*" % tenant_bucket]}]})
        call("PUT", "/%s?policy" % shared, policy, expect=(200, 204), creds=T1)
        call("PUT", tagging, tag)
        _, body = call("GET", "/%s/same.txt?tagging" % shared, creds=T1)
        assert "<Key>tenant</Key><Value>t1</Value>" in body, body
        _, body = call("GET", "/%s/same.txt?tagging" % shared)
        assert "<Tag>" not in body, body

    def cleanup():
        call("DELETE", "/%s?notification" % notified, expect=(200, 204))
        call("DELETE", "/%s?notification" % shared, expect=(200, 204))
        call("DELETE", "/%s?notification" % shared, expect=(200, 204), creds=T1)
        for arn, creds in topics:
            call("POST", "/", urllib.parse.urlencode([("Action", "DeleteTopic"),
                                                      ("TopicArn", arn)]), service="sns",
                 creds=creds)

    check("create bucket, put/get object", basics)
    check("1024-byte key (1025 rejected)", long_key)
    check("PutObjectTagging/GetObjectTagging", tagging)
    check("object lock: retention + legal hold", object_lock)
    check("topics + notification delivered", notifications)
    check("DeleteObjects on notified bucket", delete_objects)
    check("two tenants, same bucket name", two_tenants)
    check("remove notifications and topics", cleanup)
    server.shutdown()
    server.server_close()
    print("smoke-test: all 8 checks passed" if not FAILED else
          "smoke-test: %d of 8 checks FAILED: %s" % (len(FAILED), ", ".join(FAILED)))
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
