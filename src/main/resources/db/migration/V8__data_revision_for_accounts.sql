-- The account behind a request is kept per data revision (an API client sends its password with every request):
-- the revision now changes with every write to an account, so a disabled account, a changed password, role or unit
-- shows on the next request (through this instance at once; from elsewhere within the revision check interval).
drop trigger app_user_data_revision on app_user;
create trigger app_user_data_revision before insert or update or delete or truncate on app_user
    for each statement execute function bump_data_revision();
