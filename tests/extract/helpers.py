from app.extract.pipeline import extract


def analyse(body: str, title: str = "A Headline For The Test Article"):
    """Run the whole pipeline on a short article; return it and a ref -> name map."""
    (article,) = extract(f"{title}\n\n{body}")
    return article, {e.ref: e.name for e in article.entities}
