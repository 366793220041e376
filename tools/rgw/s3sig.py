#!/usr/bin/env python3
"""Tiny stdlib-only SigV4 HTTP client for poking the test RGW (S3 and its SNS topic API).

  s3sig.py [-v] [-X METHOD] [-H 'Name: value']... [-d DATA | -d @FILE] [--no-md5]
           [--service s3|sns] [--region default] URL

Credentials from RGW_ACCESS_KEY / RGW_SECRET_KEY (default: the fixed test credentials of
start-rgw.sh). Prints the response body on stdout, the status line and response headers on
stderr with -v. Exit status 0 for 2xx, 1 for any other HTTP status, 2 for usage/connection errors.
For the SNS API (--service sns) the body is sent form-encoded; pass it ready-made with -d, e.g.
  -d 'Action=CreateTopic&Name=t1&Attributes.entry.1.key=push-endpoint&Attributes.entry.1.value=...'
(the values must already be URL-encoded).
"""
import argparse
import base64
import datetime
import hashlib
import hmac
import http.client
import os
import sys
import urllib.parse


def _sign(key, msg):
    return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).digest()


def _q(s):
    return urllib.parse.quote(s, safe="-_.~")


def request(method, url, body=b"", headers=None, service="s3", region="default",
            access_key=None, secret_key=None, timeout=60, md5=True):
    """Send one SigV4-signed request; returns (status, reason, headers list, body bytes)."""
    access_key = access_key or os.environ.get("RGW_ACCESS_KEY", "LEDGERTESTACCESSKEY")
    secret_key = secret_key or os.environ.get("RGW_SECRET_KEY", "ledgertestsecretkey0123456789")
    u = urllib.parse.urlsplit(url)
    if u.scheme != "http":
        raise ValueError("only http:// URLs are supported")
    # Path: encode once (keeps existing %XX escapes), and sign exactly what is sent.
    path = urllib.parse.quote(u.path or "/", safe="/-_.~%")
    pairs = urllib.parse.parse_qsl(u.query, keep_blank_values=True)
    query = "&".join("%s=%s" % (_q(k), _q(v)) for k, v in sorted(pairs))

    now = datetime.datetime.now(datetime.timezone.utc)
    amz_date = now.strftime("%Y%m%dT%H%M%SZ")
    date = now.strftime("%Y%m%d")
    payload_hash = hashlib.sha256(body).hexdigest()

    hdrs = {k.lower().strip(): v.strip() for k, v in (headers or {}).items()}
    hdrs["host"] = u.netloc
    hdrs["x-amz-date"] = amz_date
    if service == "s3":
        hdrs["x-amz-content-sha256"] = payload_hash
        if md5 and body and "content-md5" not in hdrs:
            hdrs["content-md5"] = base64.b64encode(hashlib.md5(body).digest()).decode()
    elif body and "content-type" not in hdrs:
        hdrs["content-type"] = "application/x-www-form-urlencoded; charset=utf-8"

    signed = sorted(k for k in hdrs if k in ("host", "content-type", "content-md5")
                    or k.startswith("x-amz-"))
    canonical_headers = "".join("%s:%s\n" % (k, " ".join(hdrs[k].split())) for k in signed)
    signed_headers = ";".join(signed)
    canonical = "\n".join([method, path, query, canonical_headers, signed_headers, payload_hash])
    scope = "%s/%s/%s/aws4_request" % (date, region, service)
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope,
                         hashlib.sha256(canonical.encode("utf-8")).hexdigest()])
    k = _sign(("AWS4" + secret_key).encode("utf-8"), date)
    k = _sign(k, region)
    k = _sign(k, service)
    k = _sign(k, "aws4_request")
    signature = hmac.new(k, to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    hdrs["authorization"] = ("AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, Signature=%s"
                             % (access_key, scope, signed_headers, signature))

    conn = http.client.HTTPConnection(u.hostname, u.port or 80, timeout=timeout)
    try:
        conn.request(method, path + ("?" + query if query else ""), body=body or None,
                     headers=hdrs)
        resp = conn.getresponse()
        return resp.status, resp.reason, resp.getheaders(), resp.read()
    finally:
        conn.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-X", dest="method")
    ap.add_argument("-H", dest="headers", action="append", default=[])
    ap.add_argument("-d", dest="data")
    ap.add_argument("-v", dest="verbose", action="store_true")
    ap.add_argument("--no-md5", dest="md5", action="store_false",
                    help="do not add Content-MD5 to S3 requests with a body")
    ap.add_argument("--service", default="s3")
    ap.add_argument("--region", default=os.environ.get("RGW_REGION", "default"))
    ap.add_argument("url")
    a = ap.parse_args()
    body = b""
    if a.data is not None:
        if a.data.startswith("@"):
            with open(a.data[1:], "rb") as f:
                body = f.read()
        else:
            body = a.data.encode("utf-8")
    method = a.method or ("POST" if a.data is not None and a.service != "s3" else
                          "PUT" if a.data is not None else "GET")
    headers = {}
    for h in a.headers:
        name, _, value = h.partition(":")
        headers[name] = value
    try:
        status, reason, rh, data = request(method, a.url, body, headers, a.service, a.region,
                                           md5=a.md5)
    except (OSError, ValueError, http.client.HTTPException) as e:
        print("s3sig: %s" % e, file=sys.stderr)
        return 2
    if a.verbose or not 200 <= status < 300:
        print("HTTP %d %s" % (status, reason), file=sys.stderr)
        if a.verbose:
            for k, v in rh:
                print("%s: %s" % (k, v), file=sys.stderr)
    sys.stdout.buffer.write(data)
    if data and not data.endswith(b"\n"):
        sys.stdout.write("\n")
    return 0 if 200 <= status < 300 else 1


if __name__ == "__main__":
    sys.exit(main())
