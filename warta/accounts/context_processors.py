from .services import shown_office


def office(request):
    """The office whose site this is, for the header and footer of every page."""
    return {"office": shown_office()}
