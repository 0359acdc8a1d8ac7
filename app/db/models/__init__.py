"""ORM models; importing this package registers every table on Base.metadata."""
from app.db.models.documents import Article, SourceDocument
from app.db.models.entities import Organization, OrganizationAlias, Person, PersonAlias
from app.db.models.facts import Claim, ClaimAmount, ClaimTopic, Quote, Role, RoleReport
from app.db.models.jobs import Job

__all__ = [
    "Article",
    "Claim",
    "ClaimAmount",
    "ClaimTopic",
    "Job",
    "Organization",
    "OrganizationAlias",
    "Person",
    "PersonAlias",
    "Quote",
    "Role",
    "RoleReport",
    "SourceDocument",
]
