//! The Lithuanian text of the interface, in the lecture's terms and, where they fit, its
//! very words.

use super::Strings;

/// The Lithuanian table.
pub(super) static LT: Strings = Strings {
    app_title: "Gradientinio nusileidimo laboratorija",
    app_subtitle: "Kas yra modelis, kaip L2 nuostoliai įvertina jo „gerumą“ ir kaip \
                   gradientinis nusileidimas randa geriausią parametrą.",
    lecture_source: "Pagal kurso „Giliojo mokymosi metodai“ 1 paskaitą „Mašininio \
                     mokymosi įvadas“.",

    panel_data: "Duomenys",
    panel_model: "Modelis",
    panel_loss: "Nuostolių funkcija",
    panel_parameter: "Parametras a",
    panel_descent: "Gradientinis nusileidimas",
    panel_history: "Žingsnių istorija",
    panel_worked: "Skaičiavimas ranka",

    data_notation: "(x, y) – duomenys",
    model_definition: "Modelis – realaus proceso/sistemos supaprastinimas.",
    prediction_notation: "ŷ – spėjimas",
    loss_intro: "Kas yra gera aproksimacija? Atstumas tarp mūsų modelio ir duomenų: \
                 kiekvienos eilutės skirtumas y − ŷ, pakeltas kvadratu, ir visi jie \
                 sudėti.",
    loss_zero_meaning: "Jei L = 0, tai ŷᵢ = yᵢ kiekvienoje eilutėje.",
    parameter_intro: "Kaip rasti tinkamą parametro a reikšmę? Išbandykite reikšmes patys \
                      arba leiskite ją rasti gradientiniam nusileidimui.",
    descent_intro: "Kaip rasti minimumą? Išvestinė parodo funkcijos pokytį („įtaką“).",
    update_rule: "Kartoti a := a − γ·∂L/∂a, kol pasieksime minimumą.",
    worked_intro: "Nuostoliai su dabartine a reikšme, po vieną narį kiekvienai eilutei:",
    worked_next_step: "Kitas žingsnis:",
    worked_terms: "narių",

    chart_data_title: "Duomenys vs. modelio spėjimai",
    chart_loss_title: "Nuostolių funkcija L(a)",
    chart_surface_title: "Nuostolių paviršius L(a, b)",
    surface_minimum: "minimumas",
    surface_too_large: "per didelis",
    surface_undefined: "neapibrėžta",
    surface_fit: "Talpinti",
    surface_fit_hint: "Rodyti pradžią, kelius ir minimumą",
    surface_hint: "Tempkite tašką arba spustelėkite, iš kur pradėti nusileidimą; rodyklių \
                   klavišai jį perkelia per vieną padalą (Shift – dešimtadalį); ratukas \
                   arba du pirštai keičia mastelį.",
    surface_point: "Taškas žemėlapyje:",
    legend_data: "duomenys",
    legend_model: "modelis ŷ",
    legend_squared_errors: "paklaidų kvadratai",
    legend_current: "dabartinis a",
    legend_tangent: "polinkis ∂L/∂a",
    legend_path: "nusileidimo kelias",
    local_minimum: "lokalusis minimumas",
    global_minimum: "globalusis minimumas",
    local_maximum: "lokalusis maksimumas",
    chart_data_empty: "Nėra ką rodyti: pridėkite eilučių į lentelę.",
    chart_loss_empty: "Nuostolių kreivė atsiras, kai lentelėje bus duomenų.",
    add_point_toggle: "Pridėti taškus",
    chart_edit_hint: "Tempkite tašką, kad jį perkeltumėte; Shift + spustelėjimas \
                      (arba „Pridėti taškus“) prideda naują.",
    undo_edit: "Atšaukti keitimą",

    table_caption: "Duomenų lentelė",
    table_add_row: "Pridėti eilutę",
    table_delete_row: "Ištrinti eilutę",
    table_paste_hint: "Įklijuokite iš skaičiuoklės arba CSV – tinka ir dešimtainis \
                       kablelis.",
    table_pasted: "Įklijuota:",
    table_extra_columns: "Naudojami tik pirmieji du stulpeliai.",
    table_rename_hint: "Spustelėkite stulpelio pavadinimą, kad jį pervadintumėte \
                        (pavyzdžiui, x, y → m, F); skaičiavimai nepasikeis.",
    table_column_name: "Stulpelio pavadinimas",
    preset_label: "Pavyzdys",
    preset_lecture: "Paskaitos lentelė (x, y)",
    preset_force: "Jėga F = m·g",
    preset_two_minima: "Du lokalieji minimumai",
    preset_empty: "Tuščia lentelė",
    preset_lecture_ab: "Paskaitos lentelė, ŷ = a·x + b",
    preset_ravine: "Siauras slėnis (a, b)",
    preset_noisy_line: "200 triukšmingų taškų",
    preset_non_convex_ab: "ŷ = a·x + b − 2a², b laisvas",

    model_picker_label: "Modelio formulė",
    model_linear_description: "Tiesė per koordinačių pradžią: vienas parametras a – jos \
                               krypties koeficientas.",
    model_affine_description: "Tiesė su krypties koeficientu a ir laisvuoju nariu b.",
    model_two_minima_description: "Sudėtingesnis paskaitos pavyzdys: kai b = 2, \
                                   nuostolių funkcija turi du lokaliuosius minimumus, \
                                   ir nusileidimas baigiasi viename iš jų – priklausomai \
                                   nuo pradinės a reikšmės.",

    loss_picker_label: "Nuostolių funkcija",
    loss_l2_name: "L2 nuostoliai: kvadratų suma",
    loss_l2_description: "L = Σ(yᵢ − ŷᵢ)², paskaitos nuostolių funkcija: paprasta suma, \
                          ne vidurkis.",
    loss_mse_name: "MSE: vidutinė kvadratinė paklaida",
    loss_mse_description: "L = (1/n)·Σ(yᵢ − ŷᵢ)²: kvadratų suma, padalyta iš eilučių \
                           skaičiaus.",
    loss_l1_name: "L1: absoliučiųjų reikšmių suma",
    loss_l1_description: "L = Σ|yᵢ − ŷᵢ|: patys atstumai, nekeliant jų kvadratu.",
    show_squared_errors: "Rodyti paklaidų kvadratus",

    parameter_value: "Reikšmė",
    parameter_start: "Pradinė reikšmė",
    parameter_freeze: "Užfiksuoti",
    parameter_frozen: "užfiksuotas",
    parameter_frozen_hint: "Užfiksuoto parametro reikšmė nusileidimo metu nesikeičia.",

    learning_rate_label: "Mokymosi greitis γ",
    learning_rate_hint: "γ parenkame patys.",
    learning_rate_over_limit: "γ viršija ribą: kiekvienas žingsnis peršoks minimumą vis toliau.",
    button_step: "Žingsnis",
    button_undo: "Atšaukti",
    button_reset: "Iš naujo",
    button_play: "Leisti",
    button_pause: "Pauzė",
    speed_label: "Greitis (žingsnių per sekundę)",

    readout_loss: "Nuostoliai L",
    readout_derivative: "Išvestinė ∂L/∂a",
    readout_minimum: "Minimumas a*",
    readout_prediction: "Spėjimas ŷ",
    readout_steps: "Atlikta žingsnių",

    sign_rule_negative: "∂L/∂a < 0, todėl a didėja.",
    sign_rule_positive: "∂L/∂a > 0, todėl a mažėja.",
    sign_rule_zero: "∂L/∂a = 0: esame minimume, todėl a nebesikeičia.",

    status_ready: "Spauskite „Žingsnis“, kad atliktumėte vieną gradientinio nusileidimo \
                   žingsnį.",
    status_converged: "Minimumas pasiektas: tolesni žingsniai a beveik nebekeičia.",
    status_non_finite: "Skaičiai tapo per dideli, kad juos būtų galima apskaičiuoti. \
                        Spauskite „Iš naujo“ ir pasirinkite mažesnį γ.",
    status_no_valid_rows: "Lentelėje nėra nė vienos eilutės su dviem skaičiais, todėl \
                           modelio nėra pagal ką apmokyti.",
    status_empty_table: "Lentelė tuščia: pridėkite eilutę arba pasirinkite pavyzdį.",
    status_all_x_zero: "Visi x lygūs 0, todėl ŷ = a·x lygus 0 su bet kuriuo a: \
                        vienintelio minimumo nėra.",
    status_invalid_learning_rate: "Mokymosi greitis γ turi būti teigiamas skaičius, \
                                   pavyzdžiui, 0,003.",
    status_bad_share_link: "Nuorodos nepavyko perskaityti, todėl atverta numatytoji \
                            pamoka.",
    open_saved_work: "Atverti išsaugotą darbą",
    status_bad_share_link_kept: "Nuorodos nepavyko perskaityti; jūsų pamoka nepakeista.",
    status_saved_work_unreadable: "Išsaugotos pamokos nepavyko perskaityti, todėl \
                                   atverta numatytoji pamoka.",
    status_storage_unavailable: "Ši naršyklė neleidžia išsaugoti duomenų, todėl \
                                 uždarius puslapį pamoka bus prarasta.",
    status_storage_full: "Naršyklės saugykla pilna, todėl paskutiniai pakeitimai \
                          neišsaugoti.",

    history_step: "k",
    history_a: "a",
    history_loss: "L",
    history_derivative: "∂L/∂a",
    history_next_a: "kitas a",
    history_empty: "Dar neatliktas nė vienas žingsnis.",

    language_label: "Kalba",
    projector_mode: "Projektoriaus režimas",
    fullscreen: "Visas ekranas",
    exit_fullscreen: "Išeiti iš viso ekrano",
    copy_link: "Kopijuoti nuorodą",
    link_copied: "Nuoroda nukopijuota",
    new_lesson: "Nauja pamoka",
    new_lesson_confirm: "Pradėti naują pamoką? Grįš paskaitos lentelė, o dabartinė \
                         lentelė ir žingsniai bus ištrinti.",
    export_label: "Eksportuoti",
    export_data_png: "Duomenų grafikas (PNG)",
    export_loss_png: "Nuostolių grafikas (PNG)",
    export_map_png: "Nuostolių paviršius L(a, b) (PNG)",
    export_steps_png: "Nuostoliai pagal žingsnį (PNG)",
    export_table_csv: "Duomenų lentelė (CSV)",
    export_history_csv: "Žingsnių istorija (CSV)",
    copy_history_markdown: "Kopijuoti žingsnių istoriją Markdown formatu",
    copy_history_latex: "Kopijuoti žingsnių istoriją LaTeX formatu",
    export_failed: "Failo sukurti nepavyko. Bandykite dar kartą, kai grafikas bus \
                    parodytas.",
    copy_by_hand_title: "Nukopijuokite šį tekstą",
    copied_to_clipboard: "Nukopijuota į iškarpinę",
    copy_failed: "Nepavyko nukopijuoti: pažymėkite tekstą ir nukopijuokite patys.",
    confirm: "Gerai",
    cancel: "Atsisakyti",
    close: "Uždaryti",

    keyboard_help_title: "Spartieji klavišai",
    key_space: "Tarpas",
    shortcut_step: "Atlikti vieną žingsnį",
    shortcut_undo: "Atšaukti paskutinį žingsnį",
    shortcut_reset: "Grįžti į pradinę reikšmę",
    shortcut_play_pause: "Leisti arba sustabdyti",
    shortcut_help: "Rodyti arba slėpti šią pagalbą",
    shortcut_projector: "Įjungti arba išjungti projektoriaus režimą",
    shortcut_fullscreen: "Įjungti arba išjungti visą ekraną",
    shortcut_close: "Uždaryti šią pagalbą arba dialogą",
    shortcuts_note: "Kol rašote laukelyje, klavišai nieko nedaro.",

    // Classroom: the phone's toolbar menu, saved work (issues 9 and 14).
    toolbar_menu: "Meniu",
    status_saved_work_kept_aside: "Nuoroda atvėrė kitą pamoką; ankstesnis jūsų darbas \
                                   saugomas, kol jį atversite arba atsisakysite.",
    status_walkthrough_kept_aside: "Paskaita žingsniais atvėrė paskaitos pamoką; \
                                    ankstesnis jūsų darbas saugomas, kol jį atversite \
                                    arba atsisakysite.",
    dismiss_saved_work: "Atsisakyti",
    preset_confirm_title: "Atverti kitą pavyzdį?",
    preset_confirm: "Atverti šį pavyzdį? Jo lentelė pakeis dabartinę, o dabartinė \
                     lentelė ir žingsniai bus pamiršti.",
    loading_full: "Įkeliami optimizatoriai, žemėlapis ir formulės…",
};
