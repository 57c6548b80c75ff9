<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AgendaModel</name>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Направление</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Площадка</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Докладчики</translation>
    </message>
    <message>
        <source>all day</source>
        <translation>весь день</translation>
    </message>
    <message>
        <source>Track: {name}</source>
        <translation>Направление: {name}</translation>
    </message>
    <message>
        <source>Venue: {name}</source>
        <translation>Площадка: {name}</translation>
    </message>
    <message>
        <source>Speakers: {names}</source>
        <translation>Докладчики: {names}</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>tentative</source>
        <translation>предварительно</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Статус: {status}</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>Edit the event of the row</source>
        <translation>Изменить мероприятие строки</translation>
    </message>
    <message>
        <source>Select several rows</source>
        <translation>Выделить несколько строк</translation>
    </message>
    <message>
        <source>The menu of the selected events</source>
        <translation>Меню выделенных мероприятий</translation>
    </message>
    <message>
        <source>Sort by the column whose heading is clicked</source>
        <translation>Сортировать по столбцу, по заголовку которого щёлкнули</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Что изменилось</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новое</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Исключено</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Back on</source>
        <translation>Состоится</translation>
    </message>
    <message>
        <source>New time</source>
        <translation>Новое время</translation>
    </message>
    <message>
        <source>New place</source>
        <translation>Новое место</translation>
    </message>
    <message>
        <source>New title</source>
        <translation>Новое название</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Докладчики</translation>
    </message>
</context>
<context>
    <name>CheckedDialog</name>
    <message>
        <source>Discard your changes?</source>
        <translation>Отменить изменения?</translation>
    </message>
    <message>
        <source>What you changed here is lost if you close it without OK.</source>
        <translation>Изменения будут потеряны, если закрыть окно без «ОК».</translation>
    </message>
    <message>
        <source>&amp;Discard Changes</source>
        <translation>&amp;Не сохранять</translation>
    </message>
    <message>
        <source>&amp;Keep Editing</source>
        <translation>&amp;Продолжить правку</translation>
    </message>
</context>
<context>
    <name>ClashModel</name>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Clash</source>
        <translation>Конфликт</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Площадка</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Докладчик</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Переезд</translation>
    </message>
    <message>
        <source>Outside the days</source>
        <translation>Вне дней программы</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Вместимость</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Недоступность</translation>
    </message>
</context>
<context>
    <name>ClashPanel</name>
    <message>
        <source>All kinds</source>
        <extracomment>A clash was clicked, reached with the keys or activated: select and show its events. A clash was opened (Return, a double click): after showing it, the keyboard goes to the view, where the keys of its events work. The occurrences that clash with something: a set of (uid, RECURRENCE-ID or None), as planner.conflicts.clashing_occurrences gives them. The dock&apos;s title, with the count (&quot;Clashes (3)&quot;). The index is (re)built and the list is up to date.</extracomment>
        <translation>Все виды</translation>
    </message>
    <message>
        <source>Clashes ({count})</source>
        <translation>Конфликты ({count})</translation>
    </message>
    <message>
        <source>Could not check for clashes: {error}</source>
        <translation>Не удалось проверить конфликты: {error}</translation>
    </message>
    <message>
        <source>Checking the programme for clashes…</source>
        <translation>Программа проверяется на конфликты…</translation>
    </message>
    <message>
        <source>No clashes.</source>
        <translation>Конфликтов нет.</translation>
    </message>
    <message numerus="yes">
        <source>%n clash(es): click one to show its events.</source>
        <translation>
            <numerusform>%n конфликт: щёлкните по нему, чтобы показать его мероприятия.</numerusform>
            <numerusform>%n конфликта: щёлкните по конфликту, чтобы показать его мероприятия.</numerusform>
            <numerusform>%n конфликтов: щёлкните по конфликту, чтобы показать его мероприятия.</numerusform>
        </translation>
    </message>
    <message>
        <source>Clashes (…)</source>
        <translation>Конфликты (…)</translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <source>Track colour</source>
        <translation>Цвет направления</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync Conflicts</source>
        <translation>Конфликты синхронизации</translation>
    </message>
    <message>
        <source>These were changed here and on the server since the last sync. Choose for each which version to keep; the other is replaced. Undo takes the choices back.</source>
        <translation>Это было изменено здесь и на сервере после последней синхронизации. Выберите для каждого, какую версию оставить; другая будет заменена. Правка › Отменить возвращает выбор.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Этот компьютер</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Keep &amp;this computer&apos;s version</source>
        <translation>Оставить версию &amp;этого компьютера</translation>
    </message>
    <message>
        <source>Take the &amp;server&apos;s version</source>
        <translation>Взять версию с &amp;сервера</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>Решить &amp;позже</translation>
    </message>
    <message>
        <source>Keep All of &amp;Mine</source>
        <translation>Оставить все &amp;мои</translation>
    </message>
    <message>
        <source>Take All from the Ser&amp;ver</source>
        <translation>Взять все с сер&amp;вера</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Применить</translation>
    </message>
    <message>
        <source>keep mine</source>
        <translation>оставить мою</translation>
    </message>
    <message>
        <source>take the server&apos;s</source>
        <translation>взять с сервера</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Человек</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Направление</translation>
    </message>
    <message>
        <source>Programme setting</source>
        <translation>Настройка программы</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(удалено)</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>подтверждено</translation>
    </message>
    <message>
        <source>tentative</source>
        <translation>предварительно</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>Title (German)</source>
        <translation>Название (немецкий)</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>Название (английский)</translation>
    </message>
    <message>
        <source>Title (Russian)</source>
        <translation>Название (русский)</translation>
    </message>
    <message>
        <source>Description (German)</source>
        <translation>Описание (немецкий)</translation>
    </message>
    <message>
        <source>Description (English)</source>
        <translation>Описание (английский)</translation>
    </message>
    <message>
        <source>Description (Russian)</source>
        <translation>Описание (русский)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Спикеры</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Ссылка</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Expected attendance</source>
        <translation>Ожидаемое число гостей</translation>
    </message>
    <message>
        <source>{dates}, … (rule {rule})</source>
        <translation>{dates}, … (правило {rule})</translation>
    </message>
    <message>
        <source>Dates ({count}): {dates}</source>
        <translation>Даты ({count}): {dates}</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Идентификатор</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Широта</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Долгота</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Вместимость</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Доступность</translation>
    </message>
    <message>
        <source>Affiliation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
    <message>
        <source>Placeholder</source>
        <translation>Заполнитель</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Первый день</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Последний день</translation>
    </message>
    <message>
        <source>Travel speed (km/h)</source>
        <translation>Скорость переезда (км/ч)</translation>
    </message>
    <message>
        <source>Time between venues (minutes)</source>
        <translation>Время между площадками (минуты)</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>this programme has no file yet: use Save As</source>
        <translation>у этой программы ещё нет файла: используйте «Сохранить как»</translation>
    </message>
    <message>
        <source>track &apos;{id}&apos; is still used by event &apos;{uid}&apos;</source>
        <translation>направление «{id}» ещё используется мероприятием «{uid}»</translation>
    </message>
    <message>
        <source>venue &apos;{id}&apos; is still used by event &apos;{uid}&apos;</source>
        <translation>площадка «{id}» ещё используется мероприятием «{uid}»</translation>
    </message>
    <message>
        <source>person &apos;{id}&apos; is still a speaker of event &apos;{uid}&apos;</source>
        <translation>«{id}» ещё указан докладчиком мероприятия «{uid}»</translation>
    </message>
</context>
<context>
    <name>EntitiesDialog</name>
    <message>
        <source>Tracks, venues and people</source>
        <translation>Направления, площадки и люди</translation>
    </message>
    <message>
        <source>Name (German)</source>
        <translation>Название (немецкий)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Название (английский)</translation>
    </message>
    <message>
        <source>Name (Russian)</source>
        <translation>Название (русский)</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Идентификатор</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Широта</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Долгота</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Вместимость</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Доступность</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Занято</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Affiliation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Times as 2019-04-04 09:00–18:00, several separated by &apos;;&apos;; 2019-04-04 20:00 – 2019-04-05 02:00 across midnight. </source>
        <translation>Время как 2019-04-04 09:00–18:00, несколько через «;»; 2019-04-04 20:00 – 2019-04-05 02:00 через полночь. </translation>
    </message>
    <message>
        <source>Empty: available at any time.</source>
        <translation>Пусто: доступен(-на) в любое время.</translation>
    </message>
    <message>
        <source>Never available then (a break, set-up).</source>
        <translation>В это время недоступен(-на) (перерыв, подготовка).</translation>
    </message>
    <message>
        <source>&amp;Tracks</source>
        <translation>&amp;Направления</translation>
    </message>
    <message>
        <source>&amp;Venues</source>
        <translation>&amp;Площадки</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;Люди</translation>
    </message>
    <message>
        <source>the entries are not valid</source>
        <translation>записи неверны</translation>
    </message>
    <message>
        <source>track</source>
        <translation>направление</translation>
    </message>
    <message>
        <source>venue</source>
        <translation>площадка</translation>
    </message>
    <message>
        <source>person</source>
        <translation>человек</translation>
    </message>
    <message>
        <source> and {n} more</source>
        <translation> и ещё {n}</translation>
    </message>
    <message>
        <source>Cannot remove {kind} &apos;{id}&apos;: used by {count} event(s): {events}</source>
        <translation>Нельзя удалить: {kind} «{id}» используется в мероприятиях ({count}): {events}</translation>
    </message>
    <message>
        <source> (and {n} more problems)</source>
        <translation> (и ещё проблем: {n})</translation>
    </message>
    <message>
        <source>{kind} id &apos;{id}&apos; is used twice</source>
        <translation>{kind}: идентификатор «{id}» использован дважды</translation>
    </message>
    <message>
        <source>latitude</source>
        <translation>широта</translation>
    </message>
    <message>
        <source>longitude</source>
        <translation>долгота</translation>
    </message>
    <message>
        <source>capacity</source>
        <translation>вместимость</translation>
    </message>
    <message>
        <source>{kind} &apos;{id}&apos;: {problem}</source>
        <translation>{kind} «{id}»: {problem}</translation>
    </message>
    <message>
        <source>{kind} &apos;{id}&apos;: {field} &apos;{value}&apos; is not a number</source>
        <translation>{kind} «{id}»: {field} «{value}» — не число</translation>
    </message>
</context>
<context>
    <name>EntityTable</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>The id of an existing entry cannot be changed</source>
        <translation>Идентификатор существующей записи изменить нельзя</translation>
    </message>
    <message>
        <source>Translation missing</source>
        <translation>Нет перевода</translation>
    </message>
</context>
<context>
    <name>EventActions</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>В&amp;ырезать</translation>
    </message>
    <message>
        <source>Copy the selected events and delete them</source>
        <translation>Скопировать выбранные мероприятия и удалить их</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>Copy the selected events</source>
        <translation>Скопировать выбранные мероприятия</translation>
    </message>
    <message>
        <source>Pa&amp;ste</source>
        <translation>Вст&amp;авить</translation>
    </message>
    <message>
        <source>Dup&amp;licate</source>
        <translation>Ду&amp;блировать</translation>
    </message>
    <message>
        <source>Add a copy of each selected event</source>
        <translation>Добавить копию каждого выбранного мероприятия</translation>
    </message>
    <message>
        <source>C&amp;ancel Event</source>
        <translation>Отменить п&amp;роведение</translation>
    </message>
    <message>
        <source>Mark the selected events as cancelled, or restore them</source>
        <translation>Отметить выбранные мероприятия как отменённые или вернуть их</translation>
    </message>
    <message>
        <source>&amp;Earlier</source>
        <translation>&amp;Раньше</translation>
    </message>
    <message>
        <source>Move the selected events one snap step earlier</source>
        <translation>Сдвинуть выбранные мероприятия на шаг сетки раньше</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Позже</translation>
    </message>
    <message>
        <source>Move the selected events one snap step later</source>
        <translation>Сдвинуть выбранные мероприятия на шаг сетки позже</translation>
    </message>
    <message>
        <source>To the Day &amp;Before</source>
        <translation>На предыдущий &amp;день</translation>
    </message>
    <message>
        <source>Move the selected events to the day before</source>
        <translation>Перенести выбранные мероприятия на предыдущий день</translation>
    </message>
    <message>
        <source>To the Day &amp;After</source>
        <translation>На &amp;следующий день</translation>
    </message>
    <message>
        <source>Move the selected events to the day after</source>
        <translation>Перенести выбранные мероприятия на следующий день</translation>
    </message>
    <message>
        <source>&amp;Shorter</source>
        <translation>&amp;Короче</translation>
    </message>
    <message>
        <source>End the selected events one snap step earlier</source>
        <translation>Закончить выбранные мероприятия на шаг сетки раньше</translation>
    </message>
    <message>
        <source>Lon&amp;ger</source>
        <translation>Дли&amp;ннее</translation>
    </message>
    <message>
        <source>End the selected events one snap step later</source>
        <translation>Закончить выбранные мероприятия на шаг сетки позже</translation>
    </message>
    <message>
        <source>&amp;New Event Here…</source>
        <translation>&amp;Новое мероприятие здесь…</translation>
    </message>
    <message>
        <source>&amp;Paste Here</source>
        <translation>Вст&amp;авить сюда</translation>
    </message>
    <message>
        <source>&amp;Move and Resize</source>
        <translation>&amp;Сдвинуть и изменить длительность</translation>
    </message>
    <message>
        <source>Rest&amp;ore Event</source>
        <translation>Возобнови&amp;ть проведение</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) copied</source>
        <translation>
            <numerusform>Скопировано %n мероприятие</numerusform>
            <numerusform>Скопировано %n мероприятия</numerusform>
            <numerusform>Скопировано %n мероприятий</numerusform>
        </translation>
    </message>
    <message>
        <source>The clipboard holds no events.</source>
        <translation>В буфере обмена нет мероприятий.</translation>
    </message>
    <message>
        <source>Paste “{title}”</source>
        <translation>Вставить «{title}»</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n event(s)</source>
        <translation>
            <numerusform>Вставить %n мероприятие</numerusform>
            <numerusform>Вставить %n мероприятия</numerusform>
            <numerusform>Вставить %n мероприятий</numerusform>
        </translation>
    </message>
    <message>
        <source>Duplicate “{title}”</source>
        <translation>Дублировать «{title}»</translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n event(s)</source>
        <translation>
            <numerusform>Дублировать %n мероприятие</numerusform>
            <numerusform>Дублировать %n мероприятия</numerusform>
            <numerusform>Дублировать %n мероприятий</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore “{title}”</source>
        <translation>Возобновить «{title}»</translation>
    </message>
    <message numerus="yes">
        <source>Restore %n event(s)</source>
        <translation>
            <numerusform>Возобновить %n мероприятие</numerusform>
            <numerusform>Возобновить %n мероприятия</numerusform>
            <numerusform>Возобновить %n мероприятий</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel “{title}”</source>
        <translation>Отменить «{title}»</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n event(s)</source>
        <translation>
            <numerusform>Отменить %n мероприятие</numerusform>
            <numerusform>Отменить %n мероприятия</numerusform>
            <numerusform>Отменить %n мероприятий</numerusform>
        </translation>
    </message>
    <message>
        <source>Move “{title}”</source>
        <translation>Сдвиг «{title}»</translation>
    </message>
    <message numerus="yes">
        <source>Move %n event(s)</source>
        <translation>
            <numerusform>Перенести %n мероприятие</numerusform>
            <numerusform>Перенести %n мероприятия</numerusform>
            <numerusform>Перенести %n мероприятий</numerusform>
        </translation>
    </message>
    <message>
        <source>Change the length of “{title}”</source>
        <translation>Изменить длительность «{title}»</translation>
    </message>
    <message numerus="yes">
        <source>Change the length of %n event(s)</source>
        <translation>
            <numerusform>Изменить длительность %n мероприятия</numerusform>
            <numerusform>Изменить длительность %n мероприятий</numerusform>
            <numerusform>Изменить длительность %n мероприятий</numerusform>
        </translation>
    </message>
    <message>
        <source>Change one occurrence of “{title}”</source>
        <translation>Изменить одно повторение «{title}»</translation>
    </message>
    <message>
        <source>Change “{title}” from {when} on</source>
        <translation>Изменить «{title}» начиная с {when}</translation>
    </message>
    <message>
        <source>Delete “{title}” from {when} on</source>
        <translation>Удалить «{title}» начиная с {when}</translation>
    </message>
    <message>
        <source>Delete one occurrence of “{title}”</source>
        <translation>Удалить одно повторение «{title}»</translation>
    </message>
    <message>
        <source>Paste events at the mouse pointer or the chosen slot (in the agenda, at the time copied)</source>
        <translation>Вставить мероприятия под указателем мыши или в выбранное время (в списке — в скопированное время)</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) pasted at the time copied, {when}, and selected</source>
        <translation>
            <numerusform>%n мероприятие вставлено в прежнее время, {when}, и выделено</numerusform>
            <numerusform>%n мероприятия вставлены в прежнее время (с {when}) и выделены</numerusform>
            <numerusform>%n мероприятий вставлено в прежнее время (с {when}) и выделено</numerusform>
        </translation>
    </message>
    <message>
        <source>The agenda has no slot to paste into: a paste there keeps the time copied (in the grid, it goes where the pointer is).</source>
        <translation>В списке некуда вставить: вставленные в нём мероприятия сохраняют скопированное время (в сетке они встают под указатель мыши).</translation>
    </message>
    <message>
        <source>“{title}” repeats. Delete only the occurrence of {when}, this and the following ones, or the whole series?</source>
        <translation>«{title}» повторяется. Удалить только повторение {when}, это и следующие или всю серию?</translation>
    </message>
    <message>
        <source>“{title}” repeats. Change only the occurrence of {when}, this and the following ones, or the whole series?</source>
        <translation>«{title}» повторяется. Изменить только повторение {when}, это и следующие или всю серию?</translation>
    </message>
    <message>
        <source>Repeating Event</source>
        <translation>Повторяющееся мероприятие</translation>
    </message>
    <message>
        <source>Only &amp;This Occurrence</source>
        <translation>Только &amp;это повторение</translation>
    </message>
    <message>
        <source>This and &amp;Following</source>
        <translation>Это и &amp;следующие</translation>
    </message>
    <message>
        <source>The &amp;Whole Series</source>
        <translation>&amp;Всю серию</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <source>Save the event (from any field)</source>
        <translation>Сохранить мероприятие (из любого поля)</translation>
    </message>
    <message>
        <source>Close the editor (after a change, it asks first)</source>
        <translation>Закрыть редактор (после изменений — с вопросом)</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Новое мероприятие</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>Изменить мероприятие</translation>
    </message>
    <message>
        <source>the event is not valid</source>
        <translation>мероприятие задано неверно</translation>
    </message>
    <message>
        <source>Title and description</source>
        <translation>Название и описание</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Название</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>When and where</source>
        <translation>Когда и где</translation>
    </message>
    <message>
        <source>Trac&amp;k</source>
        <translation>Н&amp;аправление</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>&amp;Площадка</translation>
    </message>
    <message>
        <source>Hours:minutes; a bare number is minutes</source>
        <translation>Часы:минуты; просто число — минуты</translation>
    </message>
    <message>
        <source>&amp;All day</source>
        <translation>&amp;Весь день</translation>
    </message>
    <message>
        <source>&amp;No time yet (unscheduled)</source>
        <translation>&amp;Без времени</translation>
    </message>
    <message>
        <source>A length but no time: the event waits in Unscheduled until it is placed</source>
        <translation>Длительность без времени: мероприятие ждёт в списке «Без времени», пока его не запланируют</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Начало</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>&amp;Конец</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>&amp;Длительность</translation>
    </message>
    <message>
        <source>Times in {zone}</source>
        <translation>Время: {zone}</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>подтверждено</translation>
    </message>
    <message>
        <source>tentative</source>
        <translation>предварительно</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Стат&amp;ус</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Повторение</translation>
    </message>
    <message>
        <source>does not repeat</source>
        <translation>не повторяется</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>ежедневно</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>еженедельно</translation>
    </message>
    <message>
        <source>on chosen weekdays</source>
        <translation>по выбранным дням недели</translation>
    </message>
    <message>
        <source>other rule (kept as is)</source>
        <translation>другое правило (сохраняется как есть)</translation>
    </message>
    <message>
        <source>&amp;Repeat</source>
        <translation>&amp;Повторять</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Каждые</translation>
    </message>
    <message>
        <source>Mo</source>
        <translation>Пн</translation>
    </message>
    <message>
        <source>Tu</source>
        <translation>Вт</translation>
    </message>
    <message>
        <source>We</source>
        <translation>Ср</translation>
    </message>
    <message>
        <source>Th</source>
        <translation>Чт</translation>
    </message>
    <message>
        <source>Fr</source>
        <translation>Пт</translation>
    </message>
    <message>
        <source>Sa</source>
        <translation>Сб</translation>
    </message>
    <message>
        <source>Su</source>
        <translation>Вс</translation>
    </message>
    <message>
        <source>On</source>
        <translation>По</translation>
    </message>
    <message>
        <source>until</source>
        <translation>до</translation>
    </message>
    <message>
        <source>times</source>
        <translation>раз</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Untick a date to skip that occurrence</source>
        <translation>Снимите отметку, чтобы пропустить эту дату</translation>
    </message>
    <message>
        <source>Takes place</source>
        <translation>Проводится</translation>
    </message>
    <message>
        <source>People and details</source>
        <translation>Люди и подробности</translation>
    </message>
    <message>
        <source>Filter speakers</source>
        <translation>Фильтр докладчиков</translation>
    </message>
    <message>
        <source>S&amp;peakers</source>
        <translation>&amp;Докладчики</translation>
    </message>
    <message>
        <source>New speaker&apos;s name</source>
        <translation>Имя нового докладчика</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>Доб&amp;авить</translation>
    </message>
    <message>
        <source>Held in</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>UR&amp;L</source>
        <translation>UR&amp;L</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>не указано</translation>
    </message>
    <message>
        <source>Expected attendance</source>
        <translation>Ожидаемое число гостей</translation>
    </message>
    <message>
        <source>The repeat rule {rule} cannot be shown by these controls; it is kept as is unless you choose another repeat.</source>
        <translation>Правило повторения {rule} нельзя показать этими элементами; оно сохраняется как есть, пока не выбрано другое повторение.</translation>
    </message>
    <message>
        <source>(to be chosen)</source>
        <translation>(ещё не выбрана)</translation>
    </message>
    <message>
        <source> week(s)</source>
        <translation> нед.</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>choose at least one weekday to repeat on</source>
        <translation>выберите хотя бы один день недели для повторения</translation>
    </message>
    <message>
        <source>the repeat ends before the event starts</source>
        <translation>повторение заканчивается раньше начала мероприятия</translation>
    </message>
    <message>
        <source>the start day must be one of the days the event repeats on</source>
        <translation>день начала должен быть одним из дней повторения</translation>
    </message>
    <message>
        <source>every occurrence is skipped</source>
        <translation>все даты пропущены</translation>
    </message>
    <message>
        <source>the event must lie within the programme&apos;s days ({first} to {last})</source>
        <translation>мероприятие должно проходить в дни программы (с {first} по {last})</translation>
    </message>
    <message>
        <source>the repeat goes on past the programme&apos;s days ({first} to {last}), to {day}</source>
        <translation>повторение выходит за дни программы ({first} – {last}), до {day}</translation>
    </message>
    <message>
        <source>{count} expected, but the venue holds {capacity}</source>
        <translation>ожидается {count}, а площадка вмещает {capacity}</translation>
    </message>
    <message>
        <source>Title still missing in: {langs}</source>
        <translation>Нет названия на языках: {langs}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export calendar</source>
        <extracomment>The files written, after a successful export.</extracomment>
        <translation>Экспорт календаря</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Мероприятия</translation>
    </message>
    <message>
        <source>Whole programme</source>
        <translation>Вся программа</translation>
    </message>
    <message>
        <source>Events shown by the current filter</source>
        <translation>Мероприятия по текущему фильтру</translation>
    </message>
    <message>
        <source>Whole programme, one file per track (into a folder)</source>
        <translation>Вся программа, по файлу на направление (в папку)</translation>
    </message>
    <message>
        <source>Starred events (My programme)</source>
        <translation>Отмеченные мероприятия (Моя программа)</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Немецкий</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>Без напоминания</translation>
    </message>
    <message>
        <source> minutes before</source>
        <translation> мин до начала</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Reminder:</source>
        <translation>Напоминание:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспортировать</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Папка:</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) will be written</source>
        <translation>
            <numerusform>Будет записано %n мероприятие</numerusform>
            <numerusform>Будет записано %n мероприятия</numerusform>
            <numerusform>Будет записано %n мероприятий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> to %n file(s)</source>
        <translation>
            <numerusform> в %n файл</numerusform>
            <numerusform> в %n файла</numerusform>
            <numerusform> в %n файлов</numerusform>
        </translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message numerus="yes">
        <source>%n unscheduled event(s) have no time yet and are left out</source>
        <translation>
            <numerusform>%n мероприятие без времени не включено</numerusform>
            <numerusform>%n мероприятия без времени не включены</numerusform>
            <numerusform>%n мероприятий без времени не включены</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose where to write</source>
        <translation>Выберите, куда записать</translation>
    </message>
    <message>
        <source>This is a file; one file per track needs a folder</source>
        <translation>Это файл; для файлов по направлениям нужна папка</translation>
    </message>
    <message>
        <source>This is a folder; choose a file name</source>
        <translation>Это папка; выберите имя файла</translation>
    </message>
    <message>
        <source>Folder for the track calendars</source>
        <translation>Папка для календарей направлений</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Файлы iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Запись…</translation>
    </message>
    <message>
        <source>Writing the calendar…</source>
        <translation>Запись календаря…</translation>
    </message>
    <message>
        <source>Could not export: %1</source>
        <translation>Не удалось экспортировать: %1</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Search titles, speakers, venues…</source>
        <extracomment>The clash list was clicked: the UIDs of the starred events that clash, to show them, and of repeating ones the occurrence that clashes first (uid to RECURRENCE-ID).</extracomment>
        <translation>Названия, докладчики, площадки…</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Направления</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>German</source>
        <translation>нем.</translation>
    </message>
    <message>
        <source>English</source>
        <translation>англ.</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>рус.</translation>
    </message>
    <message>
        <source>Nothing ticked shows all; tick to narrow down.</source>
        <translation>Без отметок показано всё; отметьте, чтобы сузить.</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Дни</translation>
    </message>
    <message>
        <source>Venues</source>
        <translation>Площадки</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Докладчики</translation>
    </message>
    <message>
        <source>Starred only</source>
        <translation>Только отмеченные</translation>
    </message>
    <message>
        <source>Show only the events in My programme (Ctrl+D stars)</source>
        <translation>Показывать только мероприятия из «Моей программы» (Ctrl+D отмечает)</translation>
    </message>
    <message>
        <source>My programme</source>
        <translation>Моя программа</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 из %n мероприятия</numerusform>
            <numerusform>%1 из %n мероприятий</numerusform>
            <numerusform>%1 из %n мероприятий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clash(es) among starred events:</source>
        <translation>
            <numerusform>%n конфликт среди отмеченных мероприятий:</numerusform>
            <numerusform>%n конфликта среди отмеченных мероприятий:</numerusform>
            <numerusform>%n конфликтов среди отмеченных мероприятий:</numerusform>
        </translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… и ещё %1</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Найти…</translation>
    </message>
    <message>
        <source>Search titles, speakers and venues</source>
        <translation>Искать по названиям, докладчикам и площадкам</translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>ещё %n</numerusform>
            <numerusform>ещё %n</numerusform>
            <numerusform>ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <source>{first} to {last}, all day</source>
        <translation>с {first} по {last}, весь день</translation>
    </message>
    <message>
        <source>Venue: {venue}</source>
        <translation>Площадка: {venue}</translation>
    </message>
    <message>
        <source>Track: {track}</source>
        <translation>Направление: {track}</translation>
    </message>
    <message>
        <source>Speakers: {names}</source>
        <translation>Докладчики: {names}</translation>
    </message>
    <message>
        <source>Languages: {langs}</source>
        <translation>Языки: {langs}</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>tentative</source>
        <translation>предварительно</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Статус: {status}</translation>
    </message>
    <message>
        <source>Changed occurrence of a repeating event</source>
        <translation>Отдельно изменённое повторение серии</translation>
    </message>
    <message>
        <source>Repeats: a change asks whether it is for this occurrence, the following ones or the whole series</source>
        <translation>Повторяется: при изменении спрашивается, касается ли оно этого повторения, следующих или всей серии</translation>
    </message>
    <message>
        <source>Select an event, or the slot to paste into</source>
        <translation>Выделить мероприятие или место для вставки</translation>
    </message>
    <message>
        <source>Add an event to the selection or take it away</source>
        <translation>Добавить мероприятие к выделению или убрать из него</translation>
    </message>
    <message>
        <source>Move the selection to the event or day beside it</source>
        <translation>Перевести выделение на соседнее мероприятие или день</translation>
    </message>
    <message>
        <source>Edit the selected event</source>
        <translation>Изменить выбранное мероприятие</translation>
    </message>
    <message>
        <source>Delete the selected events</source>
        <translation>Удалить выделенные мероприятия</translation>
    </message>
    <message>
        <source>Move an event to another time, day or venue</source>
        <translation>Перенести мероприятие на другое время, день или площадку</translation>
    </message>
    <message>
        <source>Change an event&apos;s length</source>
        <translation>Изменить длительность мероприятия</translation>
    </message>
    <message>
        <source>Copy an event to where it is dropped</source>
        <translation>Скопировать мероприятие туда, где его отпустили</translation>
    </message>
    <message>
        <source>Scroll to a time or day out of view while dragging</source>
        <translation>Во время перетаскивания прокрутить к невидимому времени или дню</translation>
    </message>
    <message>
        <source>Cancel the drag</source>
        <translation>Отменить перетаскивание</translation>
    </message>
    <message>
        <source>Edit the event under the pointer</source>
        <translation>Изменить мероприятие под указателем</translation>
    </message>
    <message>
        <source>New event at the empty slot</source>
        <translation>Создать мероприятие в пустом месте</translation>
    </message>
    <message>
        <source>Show the day whose heading is double-clicked</source>
        <translation>Показать день, по заголовку которого дважды щёлкнули</translation>
    </message>
    <message>
        <source>The menu of an event or a slot</source>
        <translation>Меню мероприятия или места в сетке</translation>
    </message>
    <message>
        <source>List the events behind “+N”</source>
        <translation>Показать мероприятия за «+N»</translation>
    </message>
    <message>
        <source>Zoom the hours in or out</source>
        <translation>Увеличить или уменьшить часы</translation>
    </message>
    <message>
        <source>Scroll the days sideways</source>
        <translation>Прокрутить дни вбок</translation>
    </message>
    <message>
        <source>Hide or show a track (its chip under the grid)</source>
        <translation>Скрыть или показать направление (его метка под сеткой)</translation>
    </message>
    <message>
        <source>Place an unscheduled session (from its panel)</source>
        <translation>Запланировать мероприятие без времени (из его панели)</translation>
    </message>
    <message>
        <source>This occurrence ({day}) clashes with another event</source>
        <translation>Это повторение ({day}) конфликтует с другим мероприятием</translation>
    </message>
    <message>
        <source>Clashes with another event</source>
        <translation>Конфликтует с другим мероприятием</translation>
    </message>
    <message>
        <source>Click to list them</source>
        <translation>Щёлкните, чтобы увидеть список</translation>
    </message>
    <message>
        <source>Show This Day by Venue</source>
        <translation>Показать этот день по площадкам</translation>
    </message>
</context>
<context>
    <name>HoursDialog</name>
    <message>
        <source>Hours Shown</source>
        <translation>Показываемые часы</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;С</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;До</translation>
    </message>
    <message>
        <source>Events outside these hours are shown at their edge.</source>
        <translation>Мероприятия вне этих часов показываются у их края.</translation>
    </message>
    <message>
        <source>Show at least an hour.</source>
        <translation>Покажите хотя бы один час.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>Системный (%1)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Programme Planner will be in %1 when it starts again.</source>
        <translation>При следующем запуске Programme Planner будет на языке: %1.</translation>
    </message>
    <message>
        <source>&amp;Restart Now</source>
        <translation>&amp;Перезапустить сейчас</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>П&amp;озже</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Создать…</translation>
    </message>
    <message>
        <source>Start a new programme</source>
        <translation>Начать новую программу</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <source>Open a programme file</source>
        <translation>Открыть файл программы</translation>
    </message>
    <message>
        <source>Open a programme file to look at it; changes go to a copy (Save As)</source>
        <translation>Открыть файл программы для просмотра; изменения попадут в копию («Сохранить как»)</translation>
    </message>
    <message>
        <source>Open &amp;Built-in Programme</source>
        <translation>Открыть &amp;встроенную программу</translation>
    </message>
    <message>
        <source>Open the German Week 2019 programme</source>
        <translation>Открыть программу Немецкой недели 2019</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Со&amp;хранить</translation>
    </message>
    <message>
        <source>Save the programme</source>
        <translation>Сохранить программу</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Сохранить &amp;как…</translation>
    </message>
    <message>
        <source>Save the programme in a new file</source>
        <translation>Сохранить программу в новый файл</translation>
    </message>
    <message>
        <source>&amp;Export ICS…</source>
        <translation>&amp;Экспорт ICS…</translation>
    </message>
    <message>
        <source>Write the programme as a calendar file</source>
        <translation>Записать программу в файл календаря</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;New Event…</source>
        <translation>Новое &amp;мероприятие…</translation>
    </message>
    <message>
        <source>Add an event</source>
        <translation>Добавить мероприятие</translation>
    </message>
    <message>
        <source>&amp;Edit Event…</source>
        <translation>&amp;Изменить мероприятие…</translation>
    </message>
    <message>
        <source>Edit the selected event</source>
        <translation>Изменить выбранное мероприятие</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Delete the selected events (undoable)</source>
        <translation>Удалить выбранные мероприятия (можно отменить)</translation>
    </message>
    <message>
        <source>Edit tracks, venues and people</source>
        <translation>Изменить направления, площадки и людей</translation>
    </message>
    <message>
        <source>&amp;Week Grid</source>
        <translation>&amp;Неделя</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Один день</translation>
    </message>
    <message>
        <source>&amp;Venue Grid</source>
        <translation>&amp;Площадки</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>&amp;Список</translation>
    </message>
    <message>
        <source>One column per day</source>
        <translation>По столбцу на день</translation>
    </message>
    <message>
        <source>One day, as wide as the window</source>
        <translation>Один день во всю ширину окна</translation>
    </message>
    <message>
        <source>One column per venue, for one day</source>
        <translation>По столбцу на площадку, за один день</translation>
    </message>
    <message>
        <source>A sortable table of events</source>
        <translation>Сортируемая таблица мероприятий</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Неделя</translation>
    </message>
    <message>
        <source>Venues</source>
        <translation>Площадки</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>&amp;Previous Day</source>
        <translation>Пре&amp;д. день</translation>
    </message>
    <message>
        <source>Show the previous day or week</source>
        <translation>Показать предыдущий день или неделю</translation>
    </message>
    <message>
        <source>&amp;Next Day</source>
        <translation>С&amp;лед. день</translation>
    </message>
    <message>
        <source>Show the next day or week</source>
        <translation>Показать следующий день или неделю</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Увеличить</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Уменьш&amp;ить</translation>
    </message>
    <message>
        <source>Go to the &amp;First Event</source>
        <translation>К первому мероприя&amp;тию</translation>
    </message>
    <message>
        <source>Snap to {n} Minutes</source>
        <translation>Шаг {n} минут</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Other Zone…</source>
        <translation>Другой пояс…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>&amp;Отменить: {action}</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>&amp;Повторить: {action}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавние</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Snapping</source>
        <translation>&amp;Шаг сетки</translation>
    </message>
    <message>
        <source>Second Time &amp;Zone</source>
        <translation>Второй &amp;часовой пояс</translation>
    </message>
    <message>
        <source>Pan&amp;els</source>
        <translation>Пан&amp;ели</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>&amp;Сочетания клавиш…</translation>
    </message>
    <message>
        <source>Every key the window answers to</source>
        <translation>Все клавиши, на которые отвечает окно</translation>
    </message>
    <message>
        <source>&amp;About Programme Planner</source>
        <translation>&amp;О программе Programme Planner</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Основная</translation>
    </message>
    <message>
        <source>New Event</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>The day to show</source>
        <translation>Показываемый день</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Календарь</translation>
    </message>
    <message>
        <source>Second Time Zone</source>
        <translation>Второй часовой пояс</translation>
    </message>
    <message>
        <source>Zone of the second time ruler:</source>
        <translation>Часовой пояс второй шкалы времени:</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>Восстановить несохранённую работу</translation>
    </message>
    <message numerus="yes">
        <source>“{name}” (%n event(s)) was not saved when its window closed on {when}. Open it?</source>
        <translation>
            <numerusform>«{name}» (%n мероприятие) не была сохранена, когда её окно закрылось {when}. Открыть?</numerusform>
            <numerusform>«{name}» (%n мероприятия) не была сохранена, когда её окно закрылось {when}. Открыть?</numerusform>
            <numerusform>«{name}» (%n мероприятий) не была сохранена, когда её окно закрылось {when}. Открыть?</numerusform>
        </translation>
    </message>
    <message>
        <source>built-in programme</source>
        <translation>встроенная программа</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>ещё не сохранено</translation>
    </message>
    <message>
        <source>(read-only)</source>
        <translation>(только чтение)</translation>
    </message>
    <message>
        <source>Programme Planner</source>
        <translation>Programme Planner</translation>
    </message>
    <message>
        <source>unsaved changes</source>
        <translation>не сохранено</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>сохранено</translation>
    </message>
    <message>
        <source>no file</source>
        <translation>нет файла</translation>
    </message>
    <message>
        <source>&amp;Previous Week</source>
        <translation>Пре&amp;д. неделя</translation>
    </message>
    <message>
        <source>&amp;Next Week</source>
        <translation>С&amp;лед. неделя</translation>
    </message>
    <message>
        <source>Place “{title}”</source>
        <translation>Запланировать «{title}»</translation>
    </message>
    <message>
        <source>Add a track and a venue first (Edit &gt; Tracks, Venues and People).</source>
        <translation>Сначала добавьте направление и площадку (Правка &gt; Направления, площадки и люди).</translation>
    </message>
    <message>
        <source>Edit One Occurrence</source>
        <translation>Изменить одно повторение</translation>
    </message>
    <message>
        <source>Edit This and Following Occurrences</source>
        <translation>Изменить это и следующие повторения</translation>
    </message>
    <message>
        <source>Edit one occurrence of “{title}”</source>
        <translation>Изменить одно повторение «{title}»</translation>
    </message>
    <message>
        <source>Edit “{title}” from {when} on</source>
        <translation>Изменить «{title}» начиная с {when}</translation>
    </message>
    <message>
        <source>About Programme Planner</source>
        <translation>О программе Programme Planner</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Programme Planner&lt;/h3&gt;&lt;p&gt;Plan, check and publish the programme of a multi-day, multi-venue event.&lt;/p&gt;&lt;p&gt;Built-in programme: the 16th German Week in St. Petersburg (2019), an illustrative reconstruction.&lt;/p&gt;&lt;p&gt;Qt for Python {version}. Font: Noto Sans, SIL Open Font License 1.1.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Programme Planner&lt;/h3&gt;&lt;p&gt;Планирование, проверка и публикация программы многодневного мероприятия на многих площадках.&lt;/p&gt;&lt;p&gt;Встроенная программа: 16-я Неделя Германии в Санкт-Петербурге (2019), наглядная реконструкция.&lt;/p&gt;&lt;p&gt;Qt for Python {version}. Шрифт: Noto Sans, SIL Open Font License 1.1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>New event “{title}”</source>
        <translation>Новое мероприятие «{title}»</translation>
    </message>
    <message>
        <source>Open Read-Onl&amp;y…</source>
        <translation>Открыть только для &amp;чтения…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <source>Merge events from calendars (ICS), spreadsheets (CSV) and conference schedules (schedule.xml, schedule.json)</source>
        <translation>Добавить события из календарей (ICS), таблиц (CSV) и расписаний конференций (schedule.xml, schedule.json)</translation>
    </message>
    <message>
        <source>Trac&amp;ks, Venues and People…</source>
        <translation>&amp;Направления, площадки и люди…</translation>
    </message>
    <message>
        <source>Edit “{title}”</source>
        <translation>Изменение «{title}»</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>“{name}” has changes that are not saved. Save them?</source>
        <translation>В «{name}» есть несохранённые изменения. Сохранить?</translation>
    </message>
    <message>
        <source>Opened {path} read-only</source>
        <translation>{path} открыт только для чтения</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>Открыт {path}</translation>
    </message>
    <message>
        <source>Open Programme</source>
        <translation>Открыть программу</translation>
    </message>
    <message>
        <source>Open Programme Read-Only</source>
        <translation>Открыть программу только для чтения</translation>
    </message>
    <message>
        <source>Programmes (*{suffix});;All files (*)</source>
        <translation>Программы (*{suffix});;Все файлы (*)</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Сохранено</translation>
    </message>
    <message>
        <source>Save Programme As</source>
        <translation>Сохранить программу как</translation>
    </message>
    <message>
        <source>Programmes (*{suffix})</source>
        <translation>Программы (*{suffix})</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>Сохранено как {path}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>Import Events</source>
        <translation>Импорт мероприятий</translation>
    </message>
    <message>
        <source>Calendars, spreadsheets and schedules (*.ics *.csv *.xml *.json)</source>
        <translation>Календари, таблицы и расписания (*.ics *.csv *.xml *.json)</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv)</source>
        <translation>Таблицы (*.csv)</translation>
    </message>
    <message>
        <source>Schedules (*.xml *.json)</source>
        <translation>Расписания конференций (*.xml *.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Importing {count} file(s)…</source>
        <translation>Импорт файлов ({count})…</translation>
    </message>
    <message>
        <source>The programme changed during the import; import the files again.</source>
        <translation>Программа изменилась во время импорта; импортируйте файлы ещё раз.</translation>
    </message>
    <message>
        <source>Import failed: {error}</source>
        <translation>Импорт не удался: {error}</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Импорт отменён</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Import {added} new and {updated} changed events</source>
        <translation>Импорт: новых мероприятий {added}, изменённых {updated}</translation>
    </message>
    <message>
        <source>Skipped: {problem}</source>
        <translation>Пропущено: {problem}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Примечание: {note}</translation>
    </message>
    <message>
        <source>… and {count} more in the details</source>
        <translation>… и ещё {count} в подробностях</translation>
    </message>
    <message>
        <source>Nothing new to import: {summary}</source>
        <translation>Нечего импортировать — {summary}</translation>
    </message>
    <message>
        <source>Imported: {summary}</source>
        <translation>Импорт выполнен — {summary}</translation>
    </message>
    <message>
        <source>Export ICS</source>
        <translation>Экспорт ICS</translation>
    </message>
    <message>
        <source>Calendars (*.ics)</source>
        <translation>Календари (*.ics)</translation>
    </message>
    <message>
        <source>Open &amp;Read-Only</source>
        <translation>Открыть только для &amp;чтения</translation>
    </message>
</context>
<context>
    <name>MyProgramme</name>
    <message>
        <source>Find</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>&amp;My Programme</source>
        <translation>&amp;Моя программа</translation>
    </message>
    <message>
        <source>Show only the starred events</source>
        <translation>Показывать только отмеченные мероприятия</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <source>Print the events the views show</source>
        <translation>Напечатать мероприятия, показанные в видах</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>Предвари&amp;тельный просмотр…</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>Экспорт P&amp;DF…</translation>
    </message>
    <message>
        <source>Write the events the views show as a PDF</source>
        <translation>Записать показанные мероприятия в PDF</translation>
    </message>
    <message>
        <source>Door S&amp;heets</source>
        <translation>&amp;Листы для дверей</translation>
    </message>
    <message>
        <source>One page per venue and day</source>
        <translation>По странице на площадку и день</translation>
    </message>
    <message>
        <source>Exported {file}</source>
        <translation>Экспортировано: {file}</translation>
    </message>
    <message>
        <source>Printing the whole programme</source>
        <translation>Печатается вся программа</translation>
    </message>
    <message>
        <source>Printing the {count} events the filter shows</source>
        <translation>Печатаются мероприятия, показанные фильтром ({count})</translation>
    </message>
    <message>
        <source>The filter shows no events: nothing to print</source>
        <translation>Фильтр не показывает мероприятий: печатать нечего</translation>
    </message>
    <message numerus="yes">
        <source>Printed %n page(s)</source>
        <translation>
            <numerusform>Напечатана %n страница</numerusform>
            <numerusform>Напечатаны %n страницы</numerusform>
            <numerusform>Напечатано %n страниц</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing cancelled</source>
        <translation>Печать отменена</translation>
    </message>
    <message>
        <source>Wrote {file} ({pages} pages)</source>
        <translation>Записан {file} (страниц: {pages})</translation>
    </message>
</context>
<context>
    <name>NewProgrammeDialog</name>
    <message>
        <source>New Programme</source>
        <translation>Новая программа</translation>
    </message>
    <message>
        <source>New programme</source>
        <translation>Новая программа</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Часовой пояс:</translation>
    </message>
    <message>
        <source>&amp;First day:</source>
        <translation>&amp;Первый день:</translation>
    </message>
    <message>
        <source>&amp;Last day:</source>
        <translation>П&amp;оследний день:</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>Страница %1 из %2</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Весь день</translation>
    </message>
    <message>
        <source>Speaker: %1</source>
        <translation>Докладчик: %1</translation>
    </message>
    <message>
        <source>Speakers: %1</source>
        <translation>Докладчики: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>To be confirmed</source>
        <translation>Ожидает подтверждения</translation>
    </message>
    <message>
        <source>Subscribe in your calendar: every change comes by itself</source>
        <translation>Подпишитесь в календаре: все изменения придут сами</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Программа</translation>
    </message>
    <message>
        <source>All times are local time: %1 (%2)</source>
        <translation>Всё время указано местное: %1 (%2)</translation>
    </message>
    <message>
        <source>A selection: %1 of %2 events</source>
        <translation>Выборка: %1 из %2 мероприятий</translation>
    </message>
    <message>
        <source>Tracks in this selection</source>
        <translation>Направления в этой выборке</translation>
    </message>
    <message>
        <source>Tracks in this programme</source>
        <translation>Направления этой программы</translation>
    </message>
    <message>
        <source>Venues</source>
        <translation>Площадки</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… и ещё %1</translation>
    </message>
    <message>
        <source>(continued)</source>
        <translation>(продолжение)</translation>
    </message>
    <message>
        <source>No events on this day.</source>
        <translation>В этот день мероприятий нет.</translation>
    </message>
    <message>
        <source>This room in your calendar</source>
        <translation>Этот зал в вашем календаре</translation>
    </message>
    <message>
        <source>Print Door Sheets</source>
        <translation>Печать листов для дверей</translation>
    </message>
    <message>
        <source>Print Programme</source>
        <translation>Печать программы</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>Предварительный просмотр</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Экспорт PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1: не удаётся записать (%2)</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish</source>
        <translation>Публикация</translation>
    </message>
    <message>
        <source>Writes the calendar feeds, the schedule files for conference apps and the list of changes into one folder, ready for a web server.</source>
        <translation>Записывает календарные каналы, файлы расписания для приложений конференций и список изменений в одну папку, готовую для веб-сервера.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>Where the folder will be served: feeds get webcal:// links and QR codes (optional)</source>
        <translation>Где папка будет доступна в сети: каналы получат ссылки webcal:// и QR-коды (необязательно)</translation>
    </message>
    <message>
        <source>&amp;Web address:</source>
        <translation>&amp;Веб-адрес:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>Publish the programme as it stands (a &amp;draft), not the latest release</source>
        <translation>Опубликовать текущее состояние (&amp;черновик), а не последний выпуск</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Опубликовать</translation>
    </message>
    <message>
        <source>Publish Folder</source>
        <translation>Папка для публикации</translation>
    </message>
    <message>
        <source>Choose the folder to publish into.</source>
        <translation>Выберите папку для публикации.</translation>
    </message>
    <message>
        <source>This is a file, not a folder.</source>
        <translation>Это файл, а не папка.</translation>
    </message>
    <message>
        <source>This folder holds other files; a publish replaces the whole folder. Choose a new or empty one.</source>
        <translation>В этой папке есть другие файлы; публикация заменяет всю папку. Выберите новую или пустую.</translation>
    </message>
    <message>
        <source>The programme as it stands is published, marked as a draft.</source>
        <translation>Публикуется текущее состояние программы с пометкой «черновик».</translation>
    </message>
    <message>
        <source>Release “{name}” is published.</source>
        <translation>Публикуется выпуск «{name}».</translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <source>Release</source>
        <translation>Выпуск</translation>
    </message>
    <message>
        <source>A release is a snapshot of the programme as it stands: the feeds and schedule files are published from it, and what changes afterwards is listed against it.</source>
        <translation>Выпуск — снимок программы в текущем состоянии: из него публикуются каналы и файлы расписания, а последующие изменения отсчитываются от него.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>What the people following the programme should know (optional)</source>
        <translation>Что следует знать тем, кто следит за программой (необязательно)</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>&amp;Примечание:</translation>
    </message>
    <message>
        <source>&amp;Release</source>
        <translation>&amp;Выпустить</translation>
    </message>
</context>
<context>
    <name>Releases</name>
    <message>
        <source>Releases</source>
        <translation>Выпуски</translation>
    </message>
    <message>
        <source>Re&amp;lease…</source>
        <translation>Создать вып&amp;уск…</translation>
    </message>
    <message>
        <source>Record the programme as it stands as a named release</source>
        <translation>Сохранить текущее состояние программы как именованный выпуск</translation>
    </message>
    <message>
        <source>P&amp;ublish…</source>
        <translation>Опу&amp;бликовать…</translation>
    </message>
    <message>
        <source>Write the feeds, schedule files and change list into a folder</source>
        <translation>Записать каналы, файлы расписания и список изменений в папку</translation>
    </message>
    <message>
        <source>No releases</source>
        <translation>Нет выпусков</translation>
    </message>
    <message>
        <source>Save the programme to a file to record releases and publish it.</source>
        <translation>Сохраните программу в файл, чтобы создавать выпуски и публиковать её.</translation>
    </message>
    <message>
        <source>No release yet</source>
        <translation>Выпусков ещё нет</translation>
    </message>
    <message>
        <source>File › Release… records the first: the feeds and schedule files are published from it, and what changes afterwards is listed here.</source>
        <translation>Файл › Создать выпуск… создаёт первый: из него публикуются каналы и файлы расписания, а последующие изменения появятся здесь.</translation>
    </message>
    <message>
        <source>Changes since release “{name}” (working them out…)</source>
        <translation>Изменения с выпуска «{name}» (вычисляются…)</translation>
    </message>
    <message>
        <source>Changes since release “{name}”</source>
        <translation>Изменения с выпуска «{name}»</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to tell; double-click one to see the event</source>
        <translation>
            <numerusform>%n изменение для оповещения; двойной щелчок покажет мероприятие</numerusform>
            <numerusform>%n изменения для оповещения; двойной щелчок покажет мероприятие</numerusform>
            <numerusform>%n изменений для оповещения; двойной щелчок покажет мероприятие</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing has changed that anyone following the programme would notice.</source>
        <translation>Ничего, что заметили бы следящие за программой, не изменилось.</translation>
    </message>
    <message>
        <source>Changes could not be worked out</source>
        <translation>Не удалось вычислить изменения</translation>
    </message>
    <message>
        <source>That event is no longer in the programme</source>
        <translation>Этого мероприятия больше нет в программе</translation>
    </message>
    <message>
        <source>This is the programme&apos;s first release.</source>
        <translation>Это первый выпуск программы.</translation>
    </message>
    <message>
        <source>The latest release is “{name}”.</source>
        <translation>Последний выпуск — «{name}».</translation>
    </message>
    <message>
        <source>Working out what changed since release “{name}”…</source>
        <translation>Вычисляется, что изменилось с выпуска «{name}»…</translation>
    </message>
    <message>
        <source>Nothing anyone would notice has changed since release “{name}”.</source>
        <translation>С выпуска «{name}» не изменилось ничего заметного.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) since release “{name}”.</source>
        <translation>
            <numerusform>%n изменение с выпуска «{name}».</numerusform>
            <numerusform>%n изменения с выпуска «{name}».</numerusform>
            <numerusform>%n изменений с выпуска «{name}».</numerusform>
        </translation>
    </message>
    <message>
        <source>Released “{name}” ({count} events)</source>
        <translation>Выпуск «{name}» создан (мероприятий: {count})</translation>
    </message>
    <message>
        <source>Preparing the release…</source>
        <translation>Подготовка выпуска…</translation>
    </message>
    <message>
        <source>release “{name}”</source>
        <translation>выпуск «{name}»</translation>
    </message>
    <message>
        <source>the draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <source>Published {what} to {folder}: {files} files</source>
        <translation>Опубликовано ({what}) в {folder}: файлов — {files}</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Публикация…</translation>
    </message>
</context>
<context>
    <name>ReleasesModel</name>
    <message>
        <source>Release</source>
        <translation>Выпуск</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Выпущен</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n мероприятие</numerusform>
            <numerusform>%n мероприятия</numerusform>
            <numerusform>%n мероприятий</numerusform>
        </translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
</context>
<context>
    <name>Scheduling</name>
    <message>
        <source>Unscheduled</source>
        <translation>Без времени</translation>
    </message>
    <message>
        <source>Unsc&amp;hedule</source>
        <translation>Убрать &amp;время</translation>
    </message>
    <message>
        <source>Take the time away from the selected events; they wait in Unscheduled</source>
        <translation>Убрать время у выбранных мероприятий; они ждут в списке «Без времени»</translation>
    </message>
    <message>
        <source>Su&amp;ggest Slots…</source>
        <translation>Пре&amp;дложить время…</translation>
    </message>
    <message>
        <source>Schedule Un&amp;placed…</source>
        <translation>&amp;Запланировать оставшиеся…</translation>
    </message>
    <message>
        <source>Unscheduled ({count})</source>
        <translation>Без времени ({count})</translation>
    </message>
    <message>
        <source>“{title}” has no venue yet: drop it on a venue&apos;s column in the venue grid, or use Suggest Slots</source>
        <translation>У «{title}» ещё нет площадки: перетащите его в столбец площадки в сетке площадок или воспользуйтесь «Предложить время»</translation>
    </message>
    <message>
        <source>Place “{title}”</source>
        <translation>Запланировать «{title}»</translation>
    </message>
    <message>
        <source>A repeating event cannot be unscheduled.</source>
        <translation>У повторяющегося мероприятия нельзя убрать время.</translation>
    </message>
    <message>
        <source>Unschedule “{title}”</source>
        <translation>Убрать время у «{title}»</translation>
    </message>
    <message numerus="yes">
        <source>Unschedule %n event(s)</source>
        <translation>
            <numerusform>Убрать время у %n мероприятия</numerusform>
            <numerusform>Убрать время у %n мероприятий</numerusform>
            <numerusform>Убрать время у %n мероприятий</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an event first: in the grid, or in Unscheduled.</source>
        <translation>Сначала выберите мероприятие: в сетке или в списке «Без времени».</translation>
    </message>
    <message>
        <source>Looking for free slots for “{title}”…</source>
        <translation>Поиск свободного времени для «{title}»…</translation>
    </message>
    <message>
        <source>Looking for a plan…</source>
        <translation>Поиск плана…</translation>
    </message>
    <message numerus="yes">
        <source>A plan without clashes: %n change(s). Apply it as one step, or discard it.</source>
        <translation>
            <numerusform>План без конфликтов: %n изменение. Примените его одним шагом или отмените.</numerusform>
            <numerusform>План без конфликтов: %n изменения. Примените его одним шагом или отмените.</numerusform>
            <numerusform>План без конфликтов: %n изменений. Примените его одним шагом или отмените.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not every event can be placed without a clash; the reasons are listed. The rest can still be applied.</source>
        <translation>Не каждое мероприятие можно запланировать без конфликта; причины перечислены. Остальное всё равно можно применить.</translation>
    </message>
    <message numerus="yes">
        <source>Schedule %n event(s)</source>
        <translation>
            <numerusform>Запланировать %n мероприятие</numerusform>
            <numerusform>Запланировать %n мероприятия</numerusform>
            <numerusform>Запланировать %n мероприятий</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Other</source>
        <translation>Прочее</translation>
    </message>
    <message>
        <source>Calendar Grid</source>
        <translation>Сетка календаря</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>Event Editor</source>
        <translation>Редактор мероприятия</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>Щелчок</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>Двойной щелчок</translation>
    </message>
    <message>
        <source>Right-click</source>
        <translation>Щелчок правой кнопкой</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>Перетаскивание</translation>
    </message>
    <message>
        <source>Drag its lower edge</source>
        <translation>Перетаскивание нижнего края</translation>
    </message>
    <message>
        <source>Hold at an edge of the grid</source>
        <translation>Удерживать у края сетки при перетаскивании</translation>
    </message>
    <message>
        <source>Wheel</source>
        <translation>Колесо мыши</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
</context>
<context>
    <name>StarAction</name>
    <message>
        <source>Ctrl+D</source>
        <extracomment>The colour of a star wherever one is drawn: a warm gold that reads on light and dark.</extracomment>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Add the selected events to My programme, or remove them</source>
        <translation>Добавить выбранные мероприятия в «Мою программу» или убрать их</translation>
    </message>
    <message>
        <source>Unstar</source>
        <translation>Снять отметку</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>Отметить</translation>
    </message>
</context>
<context>
    <name>SuggestDialog</name>
    <message>
        <source>Suggested Slots for “{title}”</source>
        <translation>Свободное время для «{title}»</translation>
    </message>
    <message>
        <source>No free slot: every time that fits clashes with something.</source>
        <translation>Свободного времени нет: любое подходящее время с чем-то пересекается.</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>the programme was closed during the sync</source>
        <translation>программа была закрыта во время синхронизации</translation>
    </message>
    <message>
        <source>Sync No&amp;w</source>
        <translation>Синхрони&amp;зировать</translation>
    </message>
    <message>
        <source>Send this programme&apos;s changes to the calendar server and take those made elsewhere</source>
        <translation>Отправить изменения этой программы на сервер календарей и получить сделанные в других местах</translation>
    </message>
    <message>
        <source>Sync Se&amp;ttings…</source>
        <translation>Настро&amp;йки синхронизации…</translation>
    </message>
    <message>
        <source>The calendar server to sync with</source>
        <translation>Сервер календарей для синхронизации</translation>
    </message>
    <message>
        <source>Sync &amp;Conflicts…</source>
        <translation>Кон&amp;фликты синхронизации…</translation>
    </message>
    <message>
        <source>Events changed here and on the server: choose which version to keep</source>
        <translation>Мероприятия, изменённые здесь и на сервере: выберите, какую версию оставить</translation>
    </message>
    <message>
        <source>Save the programme to a file first: a programme syncs from its file.</source>
        <translation>Сначала сохраните программу в файл: программа синхронизируется из своего файла.</translation>
    </message>
    <message>
        <source>A password is needed: File › Sync Now asks for it</source>
        <translation>Нужен пароль: Файл › Синхронизировать спросит его</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <source>Password of {user} at {url}:</source>
        <translation>Пароль {user} на {url}:</translation>
    </message>
    <message>
        <source>{n} from the server</source>
        <translation>{n} с сервера</translation>
    </message>
    <message>
        <source>{n} sent</source>
        <translation>{n} отправлено</translation>
    </message>
    <message>
        <source>Synced: {what}</source>
        <translation>Синхронизировано: {what}</translation>
    </message>
    <message>
        <source>Sync: no server set</source>
        <translation>Синхронизация: сервер не задан</translation>
    </message>
    <message>
        <source>Syncing… {done} of {total}</source>
        <translation>Синхронизация… {done} из {total}</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <source>Not synced since {when}</source>
        <translation>Не синхронизировано с {when}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Ещё не синхронизировано</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n конфликт</numerusform>
            <numerusform>%n конфликта</numerusform>
            <numerusform>%n конфликтов</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync with the calendar server (F9)</source>
        <translation>Синхронизировать с сервером календарей (F9)</translation>
    </message>
    <message numerus="yes">
        <source>Settle %n sync conflict(s)</source>
        <translation>
            <numerusform>Разрешить %n конфликт синхронизации</numerusform>
            <numerusform>Разрешить %n конфликта синхронизации</numerusform>
            <numerusform>Разрешить %n конфликтов синхронизации</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>Только что синхронизировано</translation>
    </message>
    <message>
        <source>Synced {n} min ago</source>
        <translation>Синхронизировано {n} мин. назад</translation>
    </message>
    <message>
        <source>Synced at {when}</source>
        <translation>Синхронизировано в {when}</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <source>Sync Settings</source>
        <translation>Настройки синхронизации</translation>
    </message>
    <message>
        <source>The address of a calendar home: the folder that holds a user&apos;s calendars on a CalDAV server. Nextcloud: https://HOST/remote.php/dav/calendars/USER/ (with an app password); Radicale: https://HOST:5232/USER/. Each track becomes a calendar there.</source>
        <translation>Адрес папки календарей: папки, в которой лежат календари пользователя на сервере CalDAV. Nextcloud: https://HOST/remote.php/dav/calendars/USER/ (с паролем приложения); Radicale: https://HOST:5232/USER/. Каждое направление станет там календарём.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Пользователь:</translation>
    </message>
    <message>
        <source>(kept until the window closes)</source>
        <translation>(хранится, пока окно открыто)</translation>
    </message>
    <message>
        <source>no keyring on this system: kept until the window closes</source>
        <translation>нет связки ключей: до закрытия окна</translation>
    </message>
    <message>
        <source>(kept in the system keyring)</source>
        <translation>(хранится в связке ключей системы)</translation>
    </message>
    <message>
        <source>kept in the system keyring, never in the file</source>
        <translation>хранится в связке ключей системы, никогда не в файле</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>П&amp;ароль:</translation>
    </message>
    <message>
        <source>Accept a certificate that cannot be verified (a self-signed one)</source>
        <translation>Принимать непроверяемый сертификат (самоподписанный)</translation>
    </message>
    <message>
        <source>Only for a server you run yourself: the connection is then not protected against a server pretending to be it.</source>
        <translation>Только для сервера, которым вы управляете сами: соединение тогда не защищено от сервера, выдающего себя за него.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин.</translation>
    </message>
    <message>
        <source>Sync &amp;automatically every:</source>
        <translation>Синхронизировать &amp;автоматически каждые:</translation>
    </message>
    <message>
        <source>The address starts with https:// (or http://) and names a server.</source>
        <translation>Адрес начинается с https:// (или http://) и называет сервер.</translation>
    </message>
    <message>
        <source>Give the user name on the server.</source>
        <translation>Укажите имя пользователя на сервере.</translation>
    </message>
</context>
<context>
    <name>TextsEditor</name>
    <message>
        <source>missing ({lang})</source>
        <translation>нет ({lang})</translation>
    </message>
</context>
<context>
    <name>TrackLegend</name>
    <message>
        <source>{track}: hidden; click to show it</source>
        <translation>{track}: скрыто; щёлкните, чтобы показать</translation>
    </message>
    <message>
        <source>{track}: click to hide it</source>
        <translation>{track}: щёлкните, чтобы скрыть</translation>
    </message>
</context>
<context>
    <name>UnscheduledModel</name>
    <message>
        <source>Track: {name}</source>
        <translation>Направление: {name}</translation>
    </message>
    <message>
        <source>Venue: {name}</source>
        <translation>Площадка: {name}</translation>
    </message>
    <message>
        <source>to be chosen</source>
        <translation>ещё не выбрана</translation>
    </message>
    <message>
        <source>Speakers: {names}</source>
        <translation>Докладчики: {names}</translation>
    </message>
</context>
<context>
    <name>UnscheduledPanel</name>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} мин</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} ч</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} ч {minutes} мин</translation>
    </message>
    <message>
        <source>Drag an event onto the grid to place it</source>
        <translation>Перетащите мероприятие на сетку, чтобы запланировать его</translation>
    </message>
    <message>
        <source>Suggest Slots…</source>
        <translation>Предложить время…</translation>
    </message>
    <message>
        <source>Schedule Unplaced…</source>
        <translation>Запланировать все…</translation>
    </message>
    <message>
        <source>Apply Plan</source>
        <translation>Применить план</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Отменить</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) without a time</source>
        <translation>
            <numerusform>%n мероприятие без времени</numerusform>
            <numerusform>%n мероприятия без времени</numerusform>
            <numerusform>%n мероприятий без времени</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViewOptions</name>
    <message>
        <source>&amp;Hours</source>
        <translation>&amp;Время суток</translation>
    </message>
    <message>
        <source>The &amp;Programme&apos;s Hours</source>
        <translation>&amp;Часы программы</translation>
    </message>
    <message>
        <source>The &amp;Whole Day</source>
        <translation>&amp;Весь день</translation>
    </message>
    <message>
        <source>&amp;Custom Hours…</source>
        <translation>&amp;Свои часы…</translation>
    </message>
    <message>
        <source>From the first start to the last end of the programme&apos;s events</source>
        <translation>От первого начала до последнего окончания мероприятий программы</translation>
    </message>
    <message>
        <source>Hide Empt&amp;y Venues</source>
        <translation>Скр&amp;ыть пустые площадки</translation>
    </message>
    <message>
        <source>In the venue grid, leave out the venues with nothing on the day</source>
        <translation>В сетке площадок не показывать площадки, где в этот день ничего нет</translation>
    </message>
    <message>
        <source>The &amp;Programme&apos;s Hours ({first}–{last})</source>
        <translation>&amp;Часы программы ({first}–{last})</translation>
    </message>
    <message>
        <source>&amp;Custom Hours ({first}–{last})…</source>
        <translation>&amp;Свои часы ({first}–{last})…</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>“{step}” cannot be undone or redone any more: a sync brought changes to the same events since</source>
        <translation>«{step}» больше нельзя отменить или повторить: синхронизация с тех пор принесла изменения тех же мероприятий</translation>
    </message>
    <message>
        <source>Move the whole series “{title}”</source>
        <translation>Сдвиг всей серии «{title}»</translation>
    </message>
    <message>
        <source>Move “{title}”</source>
        <translation>Сдвиг «{title}»</translation>
    </message>
    <message>
        <source>Change the end of “{title}”</source>
        <translation>Изменение конца «{title}»</translation>
    </message>
    <message>
        <source>Delete “{title}”</source>
        <translation>Удаление «{title}»</translation>
    </message>
    <message>
        <source>Delete {count} events</source>
        <translation>Удаление мероприятий ({count})</translation>
    </message>
    <message>
        <source>Edit tracks, venues and people</source>
        <translation>Изменить направления, площадки и людей</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Programme Planner</source>
        <translation>Programme Planner</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Запись {file}…</translation>
    </message>
    <message>
        <source>Printing {name}…</source>
        <translation>Печать «{name}»…</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <source>German</source>
        <translation>Немецкий</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
</context>
<context>
    <name>zones</name>
    <message>
        <source>Moscow</source>
        <translation>Москва</translation>
    </message>
    <message>
        <source>Berlin</source>
        <translation>Берлин</translation>
    </message>
    <message>
        <source>London</source>
        <translation>Лондон</translation>
    </message>
    <message>
        <source>Vienna</source>
        <translation>Вена</translation>
    </message>
    <message>
        <source>Zurich</source>
        <translation>Цюрих</translation>
    </message>
    <message>
        <source>Paris</source>
        <translation>Париж</translation>
    </message>
    <message>
        <source>Warsaw</source>
        <translation>Варшава</translation>
    </message>
    <message>
        <source>Kaliningrad</source>
        <translation>Калининград</translation>
    </message>
    <message>
        <source>Yekaterinburg</source>
        <translation>Екатеринбург</translation>
    </message>
    <message>
        <source>New York</source>
        <translation>Нью-Йорк</translation>
    </message>
    <message>
        <source>Tokyo</source>
        <translation>Токио</translation>
    </message>
</context>
</TS>
