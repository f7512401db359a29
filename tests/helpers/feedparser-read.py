"""Reads feed files the way a real feed reader does and prints what it saw, as JSON.

Usage: python3 feedparser-read.py FILE...

XML feeds (RSS, Atom) go through feedparser (Universal Feed Parser). feedparser 6.0.x, the
version Debian ships, has no JSON Feed parser (JSON support exists only on its development
branch), so a .json file goes through feedparser when it recognises the format and through
the standard library's json module otherwise; `reader` says which one was used.
"""

import json
import sys

import feedparser


def first_image(entry):
    for key in ("media_content", "media_thumbnail"):
        for media in entry.get(key) or []:
            if media.get("url"):
                return media["url"]
    for enclosure in entry.get("enclosures") or []:
        if enclosure.get("href"):
            return enclosure["href"]
    image = entry.get("image")
    if isinstance(image, dict):
        return image.get("href") or image.get("url")
    return image


def from_feedparser(parsed):
    entries = []
    for entry in parsed.entries:
        content = entry.get("content") or []
        entries.append({
            "title": entry.get("title"),
            "link": entry.get("link"),
            "id": entry.get("id"),
            "hasDate": bool(entry.get("published_parsed") or entry.get("updated_parsed")),
            "summary": entry.get("summary"),
            "content": content[0].get("value") if content else None,
            "author": entry.get("author"),
            "tags": [tag.get("term") for tag in entry.get("tags") or []],
            "image": first_image(entry),
        })
    return {
        "bozo": bool(parsed.bozo),
        "bozoException": str(parsed.get("bozo_exception")) if parsed.bozo else None,
        "version": parsed.version,
        "feedTitle": parsed.feed.get("title"),
        "entries": entries,
    }


def from_json_module(text):
    feed = json.loads(text)
    entries = []
    for item in feed.get("items", []):
        authors = item.get("authors") or feed.get("authors") or []
        entries.append({
            "title": item.get("title"),
            "link": item.get("url"),
            "id": item.get("id"),
            "hasDate": bool(item.get("date_published") or item.get("date_modified")),
            "summary": item.get("summary"),
            "content": item.get("content_html") or item.get("content_text"),
            "author": authors[0].get("name") if authors else None,
            "tags": item.get("tags") or [],
            "image": item.get("image") or item.get("banner_image"),
        })
    return {"bozo": False, "bozoException": None, "version": feed.get("version"),
            "feedTitle": feed.get("title"), "entries": entries}


def read(path):
    parsed = feedparser.parse(path)
    if not path.endswith(".json") or (parsed.version or "").startswith("json"):
        return {"file": path, "reader": "feedparser " + feedparser.__version__, **from_feedparser(parsed)}
    with open(path, encoding="utf-8") as handle:
        return {"file": path, "reader": "json", **from_json_module(handle.read())}


if __name__ == "__main__":
    print(json.dumps([read(path) for path in sys.argv[1:]]))
