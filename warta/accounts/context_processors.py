from .models import Office


def office(request):
    """The office whose site this is, for the header and footer of every page."""
    return {"office": Office.objects.order_by("pk").first()}
