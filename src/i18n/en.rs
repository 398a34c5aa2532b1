//! The English text of the interface.

use super::Strings;

/// The English table.
pub(super) static EN: Strings = Strings {
    app_title: "Descent Lab",
    app_subtitle: "What a model is, how the L2 loss measures how good it is, and how \
                   gradient descent finds the best parameter.",
    lecture_source: "Based on lecture 1, “Mašininio mokymosi įvadas” (Introduction to \
                     machine learning), of the course “Giliojo mokymosi metodai” (Deep \
                     learning methods).",

    panel_data: "Data",
    panel_model: "Model",
    panel_loss: "Loss function",
    panel_parameter: "Parameter a",
    panel_descent: "Gradient descent",
    panel_history: "History of steps",
    panel_worked: "Worked arithmetic",

    data_notation: "(x, y) — the data",
    model_definition: "A model is a simplification of a real process or system.",
    prediction_notation: "ŷ — the prediction",
    loss_intro: "What is a good approximation? The distance between our model and the \
                 data: each row’s difference y − ŷ, squared, and all of them summed.",
    loss_zero_meaning: "If L = 0, then ŷᵢ = yᵢ for every row.",
    parameter_intro: "How do we find the right value of the parameter a? Try values \
                      yourself, or let gradient descent find it.",
    descent_intro: "How do we find the minimum? The derivative shows how the function \
                    changes (its “influence”).",
    update_rule: "Repeat a := a − γ·∂L/∂a until the minimum is reached.",
    worked_intro: "The loss at the current a, one term per row:",
    worked_next_step: "The next step:",
    worked_terms: "terms",

    chart_data_title: "Data vs. model predictions",
    chart_loss_title: "Loss function L(a)",
    chart_surface_title: "Loss surface L(a, b)",
    surface_minimum: "minimum",
    surface_too_large: "too large",
    surface_undefined: "not defined",
    surface_fit: "Fit",
    surface_fit_hint: "Show the start, the paths and the minimum",
    surface_hint: "Drag the point or click where descent should start; arrow keys move it \
                   one tick (Shift: a tenth); the wheel or two fingers zoom.",
    surface_point: "Point on the map:",
    legend_data: "data",
    legend_model: "model ŷ",
    legend_squared_errors: "squared errors",
    legend_current: "current a",
    legend_tangent: "slope ∂L/∂a",
    legend_path: "descent path",
    local_minimum: "local minimum",
    global_minimum: "global minimum",
    local_maximum: "local maximum",
    chart_data_empty: "No data to show: add rows to the table.",
    chart_loss_empty: "The loss curve appears once the table has data.",
    add_point_toggle: "Add points",
    chart_edit_hint: "Drag a point to move it; Shift+click (or “Add points”) adds one.",
    undo_edit: "Undo edit",

    table_caption: "Data table",
    table_add_row: "Add row",
    table_delete_row: "Delete row",
    table_paste_hint: "Paste from a spreadsheet or CSV — a decimal comma works too.",
    table_pasted: "Pasted:",
    table_extra_columns: "Only the first two columns are used.",
    table_rename_hint: "Click a column name to rename it (for example x, y → m, F); the \
                        maths stays the same.",
    table_column_name: "Column name",
    preset_label: "Example",
    preset_lecture: "Lecture table (x, y)",
    preset_force: "Force F = m·g",
    preset_two_minima: "Two local minima",
    preset_empty: "Empty table",
    preset_lecture_ab: "Lecture table, ŷ = a·x + b",
    preset_ravine: "A narrow valley (a, b)",
    preset_noisy_line: "200 noisy points",
    preset_non_convex_ab: "ŷ = a·x + b − 2a², b free",

    model_picker_label: "Model formula",
    model_linear_description: "A line through the origin: one parameter a, its slope.",
    model_affine_description: "A line with slope a and intercept b.",
    model_two_minima_description: "The lecture’s harder example: with b = 2 its loss has \
                                   two local minima, and descent ends in one or the \
                                   other depending on where a starts.",

    loss_picker_label: "Loss",
    loss_l2_name: "L2: sum of squares",
    loss_l2_description: "L = Σ(yᵢ − ŷᵢ)², the lecture’s loss: a plain sum, not a mean.",
    loss_mse_name: "MSE: mean squared error",
    loss_mse_description: "L = (1/n)·Σ(yᵢ − ŷᵢ)²: the sum of squares divided by the \
                           number of rows.",
    loss_l1_name: "L1: sum of absolute values",
    loss_l1_description: "L = Σ|yᵢ − ŷᵢ|: the distances themselves, not squared.",
    show_squared_errors: "Show squared errors",

    parameter_value: "Value",
    parameter_start: "Starting value",
    parameter_freeze: "Fix",
    parameter_frozen: "fixed",
    parameter_frozen_hint: "A fixed parameter keeps its value while descent runs.",

    learning_rate_label: "Learning rate γ",
    learning_rate_hint: "We choose γ ourselves.",
    learning_rate_over_limit: "γ is above the limit: each step will overshoot further.",
    button_step: "Step",
    button_undo: "Undo",
    button_reset: "Reset",
    button_play: "Play",
    button_pause: "Pause",
    speed_label: "Speed (steps per second)",

    readout_loss: "Loss L",
    readout_derivative: "Derivative ∂L/∂a",
    readout_minimum: "Minimum a*",
    readout_prediction: "Prediction ŷ",
    readout_steps: "Steps taken",

    sign_rule_negative: "∂L/∂a < 0, so a grows.",
    sign_rule_positive: "∂L/∂a > 0, so a shrinks.",
    sign_rule_zero: "∂L/∂a = 0: we are at a minimum, so a stays.",

    status_ready: "Press Step to take one step of gradient descent.",
    status_converged: "Converged: the minimum is reached, and further steps barely \
                       change a.",
    status_non_finite: "The numbers became too large to compute. Press Reset and choose \
                        a smaller γ.",
    status_no_valid_rows: "No row of the table has two numbers, so there is nothing to \
                           train the model on.",
    status_empty_table: "The table is empty: add a row or pick an example.",
    status_all_x_zero: "Every x is 0, so ŷ = a·x is 0 whatever a is: there is no unique \
                        minimum.",
    status_invalid_learning_rate: "The learning rate γ must be a positive number, such \
                                   as 0.003.",
    status_bad_share_link: "The link could not be read; the default lesson is open \
                            instead.",
    open_saved_work: "Open my saved work",
    status_bad_share_link_kept: "The link could not be read; your lesson is unchanged.",
    status_saved_work_unreadable: "The saved lesson could not be read; the default \
                                   lesson is open instead.",
    status_storage_unavailable: "This browser does not allow saving, so the lesson will \
                                 be lost when the page is closed.",
    status_storage_full: "The browser’s storage is full, so the latest changes were not \
                          saved.",

    history_step: "k",
    history_a: "a",
    history_loss: "L",
    history_derivative: "∂L/∂a",
    history_next_a: "next a",
    history_empty: "No steps yet.",

    language_label: "Language",
    projector_mode: "Projector mode",
    fullscreen: "Fullscreen",
    exit_fullscreen: "Exit fullscreen",
    copy_link: "Copy link",
    link_copied: "Link copied",
    new_lesson: "New lesson",
    new_lesson_confirm: "Start a new lesson? The lecture's table comes back, and the \
                         current table and steps are forgotten.",
    export_label: "Export",
    export_data_png: "Data chart (PNG)",
    export_loss_png: "Loss chart (PNG)",
    export_map_png: "Loss surface L(a, b) (PNG)",
    export_steps_png: "Loss against step (PNG)",
    export_table_csv: "Data table (CSV)",
    export_history_csv: "Step history (CSV)",
    copy_history_markdown: "Copy step history as Markdown",
    copy_history_latex: "Copy step history as LaTeX",
    export_failed: "The file could not be made. Try again once the chart is shown.",
    copy_by_hand_title: "Copy this text",
    copied_to_clipboard: "Copied to the clipboard",
    copy_failed: "Could not copy: select the text and copy it by hand.",
    confirm: "OK",
    cancel: "Cancel",
    close: "Close",

    keyboard_help_title: "Keyboard shortcuts",
    key_space: "Space",
    shortcut_step: "Take one step",
    shortcut_undo: "Undo the last step",
    shortcut_reset: "Back to the starting value",
    shortcut_play_pause: "Play or pause",
    shortcut_help: "Show or hide this help",
    shortcut_projector: "Projector mode on or off",
    shortcut_fullscreen: "Fullscreen on or off",
    shortcut_close: "Close this help or a dialog",
    shortcuts_note: "The keys do nothing while you type in a field.",

    // Classroom: the phone's toolbar menu, saved work (issues 9 and 14).
    toolbar_menu: "Menu",
    status_saved_work_kept_aside: "A link opened another lesson; your earlier work is \
                                   kept until you open or dismiss it.",
    status_walkthrough_kept_aside: "The walkthrough opened the lecture's lesson; your \
                                    earlier work is kept until you open or dismiss it.",
    dismiss_saved_work: "Dismiss",
    preset_confirm_title: "Open another example?",
    preset_confirm: "Open this example? Its table replaces the one on screen, and the \
                     current table and steps are forgotten.",
    loading_full: "Loading the optimizers, the map and formulas…",
};
