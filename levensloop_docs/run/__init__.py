"""One render run: which documents to make (registry), the producers per engine and format,
the template check, and region publications (leaflets, handreiking) and the ZVH form.
"""
