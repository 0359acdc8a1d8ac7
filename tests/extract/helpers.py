from app.extract.pipeline import extract


def analyse(body: str, title: str = "A Headline For The Test Article"):
    """Run the whole pipeline on a short article; return it and a ref -> name map."""
    (article,) = extract(f"{title}\n\n{body}")
    return article, {e.ref: e.name for e in article.entities}


def reading(body: str, title: str = "A Headline For The Test Article"):
    """A made-up article read as the pipeline reads it, up to the speakers: its body, parse and
    Reading (quote spans, resolver with entities and roles, roles)."""
    from app.extract.pipeline import nlp, page_segments, plain, read_article

    (segment,) = page_segments(plain(f"{title}\n\n{body}"))
    doc = nlp()(segment.body)
    return segment.body, doc, read_article(segment, doc)


def name_of(resolver, ref: str | None) -> str | None:
    return resolver.entities.by_ref[ref].name if ref is not None else None
