#!/usr/bin/env python3
"""Replays ingest events that reached the stack's failure queue.

Lambda sends an asynchronous invocation that still fails after its retries to the failure queue as an invocation
record; its requestPayload is the original S3 event. Each one is invoked again on the ingest function, synchronously,
and its message is deleted only when that invocation succeeds. Replaying is safe: the store ignores an event older
than the one applied to the document, and an object deleted since is recorded as gone.

usage: scripts/replay-failed-events.py STACK_NAME [--dry-run] [--region REGION]
needs: the aws CLI with credentials for the stack's account
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile


def aws(*args):
    out = subprocess.run(["aws", *args, "--output", "json"], check=True, capture_output=True, text=True).stdout
    return json.loads(out) if out.strip() else {}


def output(outputs, key):
    for o in outputs:
        if o.get("OutputKey") == key:
            return o["OutputValue"]
    sys.exit(f"the stack has no output {key}")


def main():
    parser = argparse.ArgumentParser(description="Replay failed ingest events from the failure queue.")
    parser.add_argument("stack")
    parser.add_argument("--dry-run", action="store_true", help="list the events, invoke nothing, delete nothing")
    parser.add_argument("--region")
    args = parser.parse_args()
    region = ["--region", args.region] if args.region else []

    stack = aws("cloudformation", "describe-stacks", "--stack-name", args.stack, *region)["Stacks"][0]
    queue = output(stack.get("Outputs", []), "IngestFailureQueueUrl")
    function = output(stack.get("Outputs", []), "IngestFunctionAlias")

    seen, replayed, failed = set(), 0, 0
    while True:
        received = aws("sqs", "receive-message", "--queue-url", queue, "--max-number-of-messages", "10",
                       "--wait-time-seconds", "2", "--visibility-timeout", "300", *region).get("Messages", [])
        fresh = [m for m in received if m["MessageId"] not in seen]
        if not fresh:
            break
        for message in fresh:
            seen.add(message["MessageId"])
            record = json.loads(message["Body"])
            event = record.get("requestPayload")
            keys = [r.get("s3", {}).get("object", {}).get("key") for r in (event or {}).get("Records", [])]
            condition = record.get("requestContext", {}).get("condition", "?")
            print(f"{'would replay' if args.dry_run else 'replaying'} {', '.join(map(str, keys))} ({condition})")
            if args.dry_run or event is None:
                continue
            with tempfile.TemporaryDirectory() as tmp:
                payload = os.path.join(tmp, "event.json")
                result = os.path.join(tmp, "result.json")
                with open(payload, "w", encoding="utf-8") as f:
                    json.dump(event, f)
                response = aws("lambda", "invoke", "--function-name", function, "--invocation-type",
                               "RequestResponse", "--payload", "fileb://" + payload, result, *region)
                if response.get("FunctionError"):
                    with open(result, encoding="utf-8") as f:
                        print(f"  still failing, left in the queue: {f.read().strip()}")
                    failed += 1
                    continue
            aws("sqs", "delete-message", "--queue-url", queue, "--receipt-handle", message["ReceiptHandle"], *region)
            replayed += 1
    print(f"{replayed} replayed, {failed} still failing, {len(seen)} seen")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
