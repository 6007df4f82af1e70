// Forms marked data-confirm ask before sending (closing a year cannot be undone).
document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
        if (!window.confirm(form.getAttribute('data-confirm-text'))) {
            event.preventDefault();
        }
    });
});
